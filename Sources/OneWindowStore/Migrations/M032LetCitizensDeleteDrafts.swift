import Fluent
import SQLKit

/// A citizen's unsent draft is theirs to delete, trail included: nothing was filed with the government yet. The
/// trail of every other case stays append-only in the database itself (the triggers of M011, narrowed to that).
struct M032LetCitizensDeleteDrafts: AsyncMigration {
  /// The events of a citizen's draft, which alone may be deleted.
  static let draftCondition = """
    EXISTS (SELECT 1 FROM cases WHERE cases.number = OLD.case_number AND cases.state = 'draft' \
    AND cases.citizen_id IS NOT NULL)
    """

  func prepare(on database: any Database) async throws {
    try await Self.guardTrail(database, allowing: Self.draftCondition)
  }

  func revert(on database: any Database) async throws {
    try await Self.guardTrail(database, allowing: nil)
  }

  /// Replaces M011's refusal of deletes on the trail with one that lets `condition` through (nil: none).
  private static func guardTrail(_ database: any Database, allowing condition: String?) async throws {
    let sql = database as! any SQLDatabase
    if sql.dialect.name == "sqlite" {
      try await sql.raw("DROP TRIGGER case_events_no_delete").run()
      try await sql.raw(
        """
        CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
        \(unsafeRaw: condition.map { "WHEN NOT \($0)" } ?? "")
        BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END
        """
      ).run()
    } else {
      let exception = condition.map { "IF TG_OP = 'DELETE' AND \($0) THEN RETURN OLD; END IF;" } ?? ""
      try await sql.raw(
        """
        CREATE OR REPLACE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          \(unsafeRaw: exception)
          RAISE EXCEPTION 'case_events is append-only';
        END $$
        """
      ).run()
    }
  }
}
