-- Every retailer account that existed before organisations becomes an organisation of its own,
-- with the account's id. Why: the read summaries (stamp_summaries.retailers) and the intakes
-- already count these account ids, and the append-only intakes cannot be rewritten; with the same
-- id the many_retailers rule counts exactly what it counted before, so no stamp gains or loses a
-- suspicion by the migration. An authority then records the registration number and moves clerks
-- of one shop into one organisation. A retailer with no province never recorded an intake (it is
-- refused without one) and is left without an organisation.
INSERT INTO retail_organisations (id, name, province_code)
SELECT id, name, province_code FROM people WHERE role = 'retailer' AND province_code IS NOT NULL
ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
INSERT INTO retail_organisations (id, name, province_code)
SELECT id, name, province_code FROM api_tokens WHERE role = 'retailer' AND province_code IS NOT NULL
ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
UPDATE people SET organisation_id = id WHERE role = 'retailer' AND province_code IS NOT NULL;
--> statement-breakpoint
UPDATE api_tokens SET organisation_id = id WHERE role = 'retailer' AND province_code IS NOT NULL;
