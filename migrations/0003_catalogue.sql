CREATE TABLE "bundles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"centre_id" uuid NOT NULL,
	"name" text NOT NULL,
	"item_ids" jsonb NOT NULL,
	"steps" jsonb NOT NULL,
	"accepting_counter_kind" text NOT NULL,
	"guide_text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "item_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"guide" jsonb NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone,
	"review_decision" text,
	"reviewer" text,
	"opinion" text,
	"reviewed_at" timestamp with time zone,
	"effective_on" text,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"centre_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"level" text NOT NULL,
	"parent_id" uuid,
	"basic_code" text NOT NULL,
	"implementation_code" text,
	"handling_code" text,
	"kind" text NOT NULL,
	"type_code" text NOT NULL,
	"name" text NOT NULL,
	"published_number" integer,
	"published_effective_on" text,
	"published_name" text,
	"published_type_code" text,
	"published_search" text,
	"published_flags" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "bundles" ADD CONSTRAINT "bundles_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_versions" ADD CONSTRAINT "item_versions_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_parent_id_items_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bundles_centre_name_idx" ON "bundles" USING btree ("centre_id","name") WHERE retired_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "item_versions_number_idx" ON "item_versions" USING btree ("item_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "item_versions_open_idx" ON "item_versions" USING btree ("item_id") WHERE status in ('draft', 'submitted');--> statement-breakpoint
CREATE UNIQUE INDEX "items_implementation_code_idx" ON "items" USING btree ("implementation_code") WHERE retired_at is null and level <> 'handling';--> statement-breakpoint
CREATE UNIQUE INDEX "items_handling_code_idx" ON "items" USING btree ("handling_code") WHERE retired_at is null;--> statement-breakpoint
CREATE INDEX "items_centre_idx" ON "items" USING btree ("centre_id","implementation_code");--> statement-breakpoint
CREATE INDEX "items_parent_idx" ON "items" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "items_public_idx" ON "items" USING btree ("centre_id","published_effective_on") WHERE published_number is not null and retired_at is null;