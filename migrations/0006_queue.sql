CREATE TABLE "counter_sign_ins" (
	"id" uuid PRIMARY KEY NOT NULL,
	"centre_id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"signed_in_at" timestamp with time zone NOT NULL,
	"signed_out_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "queue_counters" (
	"queue_id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"weight" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "queue_counters_queue_id_counter_id_pk" PRIMARY KEY("queue_id","counter_id")
);
--> statement-breakpoint
CREATE TABLE "queue_data_keys" (
	"id" integer PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "queue_settings" (
	"centre_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tidal_evaluated_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "queues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"centre_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"pool" text NOT NULL,
	"area_name" text,
	"item_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"daily_quota" integer,
	"issuing_windows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"service_minutes" double precision,
	"tidal_open_at_waiting" integer,
	"tidal_open_at_longest_wait" integer,
	"tidal_counter_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tidal_raised_at" timestamp with time zone,
	"tidal_calm_since" timestamp with time zone,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ticket_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"queue_id" uuid NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_kind" text NOT NULL,
	"counter_id" uuid,
	"clerk_id" uuid,
	"user_id" uuid,
	"wait_seconds" integer,
	"service_seconds" integer,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_sequences" (
	"queue_id" uuid NOT NULL,
	"day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "ticket_sequences_queue_id_day_pk" PRIMARY KEY("queue_id","day")
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"centre_id" uuid NOT NULL,
	"queue_id" uuid NOT NULL,
	"service_day" date NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"status" text NOT NULL,
	"priority" text NOT NULL,
	"elderly" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"item_id" uuid,
	"appointment_id" uuid,
	"issued_at" timestamp with time zone NOT NULL,
	"queued_at" timestamp with time zone NOT NULL,
	"reserved_counter_id" uuid,
	"transferred_from_id" uuid,
	"counter_id" uuid,
	"clerk_id" uuid,
	"recall_count" integer DEFAULT 0 NOT NULL,
	"called_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"parked_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"outcome" text,
	"note" text,
	"phone_cipher" text,
	"phone_digest" text,
	"phone_masked" text,
	"id_digest" text,
	"id_masked" text,
	"near_notified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tidal_openings" (
	"counter_id" uuid PRIMARY KEY NOT NULL,
	"queue_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "counter_sign_ins" ADD CONSTRAINT "counter_sign_ins_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_sign_ins" ADD CONSTRAINT "counter_sign_ins_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_sign_ins" ADD CONSTRAINT "counter_sign_ins_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_sign_ins" ADD CONSTRAINT "counter_sign_ins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_counters" ADD CONSTRAINT "queue_counters_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_counters" ADD CONSTRAINT "queue_counters_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_settings" ADD CONSTRAINT "queue_settings_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queues" ADD CONSTRAINT "queues_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_clerk_id_staff_id_fk" FOREIGN KEY ("clerk_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_sequences" ADD CONSTRAINT "ticket_sequences_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_reserved_counter_id_counters_id_fk" FOREIGN KEY ("reserved_counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_transferred_from_id_tickets_id_fk" FOREIGN KEY ("transferred_from_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_clerk_id_staff_id_fk" FOREIGN KEY ("clerk_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tidal_openings" ADD CONSTRAINT "tidal_openings_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tidal_openings" ADD CONSTRAINT "tidal_openings_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tidal_openings" ADD CONSTRAINT "tidal_openings_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "counter_sign_ins_counter_idx" ON "counter_sign_ins" USING btree ("counter_id") WHERE signed_out_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "counter_sign_ins_user_idx" ON "counter_sign_ins" USING btree ("user_id") WHERE signed_out_at is null;--> statement-breakpoint
CREATE INDEX "queue_counters_counter_idx" ON "queue_counters" USING btree ("counter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "queues_centre_prefix_idx" ON "queues" USING btree ("centre_id","prefix") WHERE retired_at is null;--> statement-breakpoint
CREATE INDEX "queues_centre_idx" ON "queues" USING btree ("centre_id");--> statement-breakpoint
CREATE INDEX "ticket_events_ticket_idx" ON "ticket_events" USING btree ("ticket_id","id");--> statement-breakpoint
CREATE INDEX "ticket_events_centre_at_idx" ON "ticket_events" USING btree ("centre_id","at");--> statement-breakpoint
CREATE INDEX "ticket_events_finished_idx" ON "ticket_events" USING btree ("queue_id","id") WHERE type = 'finished';--> statement-breakpoint
CREATE INDEX "ticket_events_counter_idx" ON "ticket_events" USING btree ("counter_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_queue_day_sequence_idx" ON "tickets" USING btree ("queue_id","service_day","sequence");--> statement-breakpoint
CREATE INDEX "tickets_waiting_idx" ON "tickets" USING btree ("centre_id","service_day") WHERE status = 'waiting';--> statement-breakpoint
CREATE INDEX "tickets_open_idx" ON "tickets" USING btree ("centre_id","status") WHERE status in ('waiting', 'called', 'serving', 'parked');--> statement-breakpoint
CREATE INDEX "tickets_counter_idx" ON "tickets" USING btree ("counter_id","service_day");--> statement-breakpoint
CREATE INDEX "tickets_phone_idx" ON "tickets" USING btree ("centre_id","service_day","phone_digest") WHERE phone_digest is not null;--> statement-breakpoint
CREATE INDEX "tickets_id_number_idx" ON "tickets" USING btree ("centre_id","service_day","id_digest") WHERE id_digest is not null;--> statement-breakpoint
CREATE INDEX "tickets_transferred_from_idx" ON "tickets" USING btree ("transferred_from_id");--> statement-breakpoint
CREATE INDEX "tidal_openings_queue_idx" ON "tidal_openings" USING btree ("queue_id");