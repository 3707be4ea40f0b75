CREATE TYPE "public"."target_kind" AS ENUM('products_per_commune', 'new_products_by_year', 'share_upgraded', 'points_of_sale_per_district');--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text,
	"kind" "target_kind" NOT NULL,
	"value" integer NOT NULL,
	"units" integer,
	"since_year" integer NOT NULL,
	"year" integer NOT NULL,
	"note" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plan_targets_provinceCode_kind_year_unique" UNIQUE NULLS NOT DISTINCT("province_code","kind","year")
);
