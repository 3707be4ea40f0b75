CREATE TYPE "public"."subject_kind" AS ENUM('htx', 'to_hop_tac', 'doanh_nghiep', 'ho_kinh_doanh');--> statement-breakpoint
CREATE TYPE "public"."area_kind" AS ENUM('growing_area', 'packing_house', 'other');--> statement-breakpoint
CREATE TYPE "public"."certificate_scheme" AS ENUM('1048', '148', '1489');--> statement-breakpoint
CREATE TYPE "public"."certificate_status" AS ENUM('active', 'suspended', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."issuer_level" AS ENUM('district', 'province', 'central');--> statement-breakpoint
CREATE TYPE "public"."certificate_event_kind" AS ENUM('issued', 'suspended', 'reinstated', 'revoked', 'superseded', 'corrected');--> statement-breakpoint
CREATE TYPE "public"."key_state" AS ENUM('active', 'retired', 'compromised');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('retailer', 'producer', 'inspector', 'authority', 'admin');--> statement-breakpoint
CREATE TABLE "subjects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" "subject_kind" NOT NULL,
	"name" text NOT NULL,
	"registration_number" text NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text,
	"address_as_issued" text NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "raw_material_areas" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"kind" "area_kind" NOT NULL,
	"name" text NOT NULL,
	"official_code" text,
	"province_code" text NOT NULL,
	"commune_code" text,
	"geojson" jsonb,
	"standards" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"name" text NOT NULL,
	"taxonomy_version" text NOT NULL,
	"group_code" text NOT NULL,
	"subgroup_code" text NOT NULL,
	"gtin" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"product_id" uuid NOT NULL,
	"number" text NOT NULL,
	"scheme" "certificate_scheme" NOT NULL,
	"score" integer NOT NULL,
	"stars" integer NOT NULL,
	"issuer_name" text NOT NULL,
	"issuer_level" "issuer_level" NOT NULL,
	"issuer_province_code" text,
	"decision_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"status" "certificate_status" DEFAULT 'active' NOT NULL,
	"status_changed_on" date,
	"status_reason" text,
	"status_basis" text,
	"supersedes_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificate_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"certificate_id" uuid NOT NULL,
	"kind" "certificate_event_kind" NOT NULL,
	"effective_on" date NOT NULL,
	"reason" text,
	"basis" text,
	"actor" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "batch_areas" (
	"batch_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	CONSTRAINT "batch_areas_batch_id_area_id_pk" PRIMARY KEY("batch_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"product_id" uuid NOT NULL,
	"certificate_id" uuid NOT NULL,
	"lot" text NOT NULL,
	"production_date" date NOT NULL,
	"best_before" date,
	"quantity" integer NOT NULL,
	"recalled_on" date,
	"recall_reason" text,
	"recall_basis" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "serial_counter" (
	"id" integer PRIMARY KEY NOT NULL,
	"next_serial" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stamp_ranges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"kid" text NOT NULL,
	"first_serial" bigint NOT NULL,
	"last_serial" bigint NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stamp_range_order" CHECK ("stamp_ranges"."last_serial" >= "stamp_ranges"."first_serial")
);
--> statement-breakpoint
CREATE TABLE "voided_serials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"range_id" uuid NOT NULL,
	"first_serial" bigint NOT NULL,
	"last_serial" bigint NOT NULL,
	"reason" text NOT NULL,
	"voided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"serial" bigint NOT NULL,
	"scanned_at" timestamp with time zone NOT NULL,
	"place" text,
	"scanner_hash" text
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"state" "key_state" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state_changed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"province_code" text,
	"subject_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "raw_material_areas" ADD CONSTRAINT "raw_material_areas_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_supersedes_id_certificates_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_events" ADD CONSTRAINT "certificate_events_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_areas" ADD CONSTRAINT "batch_areas_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_areas" ADD CONSTRAINT "batch_areas_area_id_raw_material_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."raw_material_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batches" ADD CONSTRAINT "batches_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batches" ADD CONSTRAINT "batches_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stamp_ranges" ADD CONSTRAINT "stamp_ranges_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voided_serials" ADD CONSTRAINT "voided_serials_range_id_stamp_ranges_id_fk" FOREIGN KEY ("range_id") REFERENCES "public"."stamp_ranges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subjects_province_code_index" ON "subjects" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "subjects_registration_number_index" ON "subjects" USING btree ("registration_number");--> statement-breakpoint
CREATE INDEX "raw_material_areas_subject_id_index" ON "raw_material_areas" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "products_subject_id_index" ON "products" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "certificates_product_id_index" ON "certificates" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "certificate_events_certificate_id_index" ON "certificate_events" USING btree ("certificate_id");--> statement-breakpoint
CREATE INDEX "batches_product_id_index" ON "batches" USING btree ("product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "batches_product_id_lot_index" ON "batches" USING btree ("product_id","lot");--> statement-breakpoint
CREATE UNIQUE INDEX "stamp_ranges_first_serial_index" ON "stamp_ranges" USING btree ("first_serial");--> statement-breakpoint
CREATE UNIQUE INDEX "stamp_ranges_batch_id_idempotency_key_index" ON "stamp_ranges" USING btree ("batch_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "voided_serials_first_serial_index" ON "voided_serials" USING btree ("first_serial");--> statement-breakpoint
CREATE INDEX "scans_serial_scanned_at_index" ON "scans" USING btree ("serial","scanned_at");