CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"centre_id" uuid NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stored_files_centre_idx" ON "stored_files" USING btree ("centre_id","created_at");--> statement-breakpoint
-- Most stored files are compressed already (PDF, JPG, PNG, OOXML and OFD are ZIP): keep them out of line, uncompressed.
ALTER TABLE "stored_files" ALTER COLUMN "content" SET STORAGE EXTERNAL;
