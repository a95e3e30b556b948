-- The head only moves forward and is never removed: an accidental rollback of the head (a bad
-- restore script, a manual fix) is refused instead of silently hiding the newest events.
CREATE FUNCTION ledger_head_forward_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.last_seq < OLD.last_seq THEN
    RAISE EXCEPTION 'ledger_head only moves forward: % refused', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER ledger_head_forward_only
BEFORE UPDATE OR DELETE ON ledger_head
FOR EACH ROW EXECUTE FUNCTION ledger_head_forward_only();
