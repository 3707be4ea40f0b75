-- Custom SQL migration file, put your code below! ---- A signed receipt was handed to the retailer: the record behind it must never change.
CREATE TRIGGER intakes_append_only BEFORE UPDATE OR DELETE ON intakes
  FOR EACH ROW EXECUTE FUNCTION lifecycle_append_only();
--> statement-breakpoint
CREATE TRIGGER intake_items_append_only BEFORE UPDATE OR DELETE ON intake_items
  FOR EACH ROW EXECUTE FUNCTION lifecycle_append_only();
--> statement-breakpoint
CREATE TRIGGER intake_receipts_append_only BEFORE UPDATE OR DELETE ON intake_receipts
  FOR EACH ROW EXECUTE FUNCTION lifecycle_append_only();
