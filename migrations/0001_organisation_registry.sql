CREATE TABLE "counter_list_stamps" (
	"centre_id" uuid PRIMARY KEY NOT NULL,
	"stamp" uuid NOT NULL
);
--> statement-breakpoint
DROP INDEX "counters_centre_idx";--> statement-breakpoint
ALTER TABLE "counters" ADD COLUMN "sort_key" text NOT NULL;--> statement-breakpoint
ALTER TABLE "counter_list_stamps" ADD CONSTRAINT "counter_list_stamps_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "counters_centre_sort_idx" ON "counters" USING btree ("centre_id","sort_key");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_user_idx" ON "staff" USING btree ("user_id") WHERE retired_at is null and user_id is not null;