CREATE TABLE "stream_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"centre_id" uuid NOT NULL,
	"type" text NOT NULL,
	"data" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "stream_events_centre_id_idx" ON "stream_events" USING btree ("centre_id","id");--> statement-breakpoint
CREATE INDEX "stream_events_at_idx" ON "stream_events" USING btree ("at");