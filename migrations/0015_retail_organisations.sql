CREATE TYPE "public"."registration_status" AS ENUM('open', 'suspended', 'closed');--> statement-breakpoint
CREATE TABLE "points_of_sale" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"commune_name" text NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"status" "registration_status" DEFAULT 'open' NOT NULL,
	"status_reason" text,
	"status_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retail_organisations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"registration_number" text,
	"address" text,
	"province_code" text NOT NULL,
	"commune_code" text,
	"status" "registration_status" DEFAULT 'open' NOT NULL,
	"status_reason" text,
	"status_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "points_of_sale" ADD CONSTRAINT "points_of_sale_organisation_id_retail_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."retail_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "points_of_sale_province_code_commune_code_index" ON "points_of_sale" USING btree ("province_code","commune_code");--> statement-breakpoint
CREATE INDEX "points_of_sale_organisation_id_index" ON "points_of_sale" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "retail_organisations_province_code_index" ON "retail_organisations" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "retail_organisations_registration_number_index" ON "retail_organisations" USING btree ("registration_number");