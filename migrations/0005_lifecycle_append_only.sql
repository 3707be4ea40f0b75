-- Custom SQL migration file, put your code below! --
-- Events recorded before states were kept on each event: derive them from the kind.
UPDATE certificate_events SET
  from_status = CASE kind WHEN 'suspended' THEN 'active' WHEN 'reinstated' THEN 'suspended' WHEN 'revoked' THEN 'active' ELSE NULL END::certificate_status,
  to_status = CASE kind WHEN 'issued' THEN 'active' WHEN 'suspended' THEN 'suspended' WHEN 'reinstated' THEN 'active' WHEN 'revoked' THEN 'revoked' ELSE NULL END::certificate_status
WHERE to_status IS NULL;
--> statement-breakpoint
INSERT INTO batch_events (batch_id, kind, effective_on, reason, basis, actor)
SELECT id, 'recalled', recalled_on, coalesce(recall_reason, ''), coalesce(recall_basis, ''), 'migration'
FROM batches WHERE recalled_on IS NOT NULL;
--> statement-breakpoint
-- The lifecycle is a story told by appending: a mistake is answered by a correcting event, so
-- the database refuses edits and deletes of events, inspections and area flags outright.
CREATE FUNCTION lifecycle_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
--> statement-breakpoint
CREATE TRIGGER certificate_events_append_only BEFORE UPDATE OR DELETE ON certificate_events
  FOR EACH ROW EXECUTE FUNCTION lifecycle_append_only();
--> statement-breakpoint
CREATE TRIGGER batch_events_append_only BEFORE UPDATE OR DELETE ON batch_events
  FOR EACH ROW EXECUTE FUNCTION lifecycle_append_only();
--> statement-breakpoint
CREATE TRIGGER inspections_append_only BEFORE UPDATE OR DELETE ON inspections
  FOR EACH ROW EXECUTE FUNCTION lifecycle_append_only();
--> statement-breakpoint
CREATE TRIGGER area_flags_append_only BEFORE UPDATE OR DELETE ON area_flags
  FOR EACH ROW EXECUTE FUNCTION lifecycle_append_only();
