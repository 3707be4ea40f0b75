-- Custom SQL migration file, put your code below! --
-- The audit log is append-only: the database itself refuses edits, so only a superuser who
-- disables this trigger can tamper, and the hash chain then shows where.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- Serial numbers start at 1,000,000 so every printed serial has at least seven digits.
INSERT INTO serial_counter (id, next_serial) VALUES (1, 1000000);
