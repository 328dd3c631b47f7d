namespace SeatGuard.Core.Team;

/// <summary>
/// The team store's schema as forward migrations: migration N brings a store from version N-1 to N and is recorded
/// in <c>schema_version</c>. A store at a version newer than this SeatGuard knows is left alone (upgrade SeatGuard).
/// Never edit a migration that has shipped; add the next one.
/// </summary>
internal static class PostgresSchema
{
    public const string VersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
          version integer PRIMARY KEY,
          applied_at timestamptz NOT NULL DEFAULT now(),
          applied_by text NOT NULL)
        """;

    public static readonly string[] Migrations =
    [
        // 1: machines, their usage per day × model × project × billing source, their launches.
        """
        CREATE TABLE machines (
          machine_id text PRIMARY KEY,
          name text NOT NULL,
          os_user text NOT NULL,
          person text NOT NULL,
          time_zone text NOT NULL,
          seatguard_version text NOT NULL,
          doctor_verdict text,
          doctor_credential_kind text,
          doctor_credential_source text,
          doctor_fingerprint text,
          doctor_errors integer,
          doctor_warnings integer,
          first_sync timestamptz NOT NULL DEFAULT now(),
          last_sync timestamptz NOT NULL);
        CREATE TABLE usage_days (
          machine_id text NOT NULL,
          day date NOT NULL,
          hash text NOT NULL,
          synced_at timestamptz NOT NULL,
          PRIMARY KEY (machine_id, day));
        CREATE TABLE usage (
          machine_id text NOT NULL,
          day date NOT NULL,
          model text NOT NULL,
          project text NOT NULL,
          billing_source text NOT NULL,
          input_tokens bigint NOT NULL,
          output_tokens bigint NOT NULL,
          cache_creation_tokens bigint NOT NULL,
          cache_read_tokens bigint NOT NULL,
          total_tokens bigint NOT NULL,
          cost_usd double precision NOT NULL,
          entries integer NOT NULL,
          unpriced_entries integer NOT NULL,
          PRIMARY KEY (machine_id, day, model, project, billing_source));
        CREATE INDEX usage_by_day ON usage (day);
        CREATE TABLE launches (
          machine_id text NOT NULL,
          ledger_id bigint NOT NULL,
          launched_at timestamptz NOT NULL,
          day date NOT NULL,
          owner text NOT NULL,
          beneficiary text NOT NULL,
          mode text NOT NULL,
          verdict text NOT NULL,
          proven boolean NOT NULL,
          credential_kind text NOT NULL,
          credential_source text NOT NULL,
          fingerprint text,
          forced boolean NOT NULL,
          overage boolean NOT NULL,
          cost_usd double precision,
          input_tokens bigint NOT NULL,
          output_tokens bigint NOT NULL,
          cache_creation_tokens bigint NOT NULL,
          cache_read_tokens bigint NOT NULL,
          rate_limit_type text,
          rate_limit_status text,
          hash text NOT NULL,
          synced_at timestamptz NOT NULL,
          PRIMARY KEY (machine_id, ledger_id, launched_at));
        CREATE INDEX launches_by_day ON launches (day);
        CREATE INDEX launches_by_fingerprint ON launches (fingerprint);
        """,
    ];

    public static int Latest => Migrations.Length;
}
