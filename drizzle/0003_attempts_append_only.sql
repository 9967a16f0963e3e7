-- Attempts and their results are audit evidence: once written they are never changed or removed.
CREATE TRIGGER `attempt_no_update` BEFORE UPDATE ON `attempt`
BEGIN
	SELECT RAISE(ABORT, 'attempt is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `attempt_no_delete` BEFORE DELETE ON `attempt`
BEGIN
	SELECT RAISE(ABORT, 'attempt is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `attempt_result_no_update` BEFORE UPDATE ON `attempt_result`
BEGIN
	SELECT RAISE(ABORT, 'attempt_result is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `attempt_result_no_delete` BEFORE DELETE ON `attempt_result`
BEGIN
	SELECT RAISE(ABORT, 'attempt_result is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `attempt_item_no_update` BEFORE UPDATE ON `attempt_item`
BEGIN
	SELECT RAISE(ABORT, 'attempt_item is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `attempt_item_no_delete` BEFORE DELETE ON `attempt_item`
BEGIN
	SELECT RAISE(ABORT, 'attempt_item is append-only');
END;
