using FeedbackBot.Data;
using FeedbackBot.Infrastructure.Storage;

namespace FeedbackBot.Adapters.Playground;

/// <summary>
/// <c>Playground:Enabled</c>: whether <c>/playground</c> and <c>/v3/directline/*</c> are served. By default on with
/// the embedded SQLite database (a machine someone is trying the bot on) and off with PostgreSQL (a deployment), where
/// anyone who reaches the bot could otherwise talk to it as any playground identity.
/// <c>Playground:AllowRemote</c>: whether callers other than this machine may use them. Off by default, because the
/// playground's manager identity reads every review of the local tenant, with its quotes, and starts pulses.
/// </summary>
internal sealed class PlaygroundOptions
{
    public const string EnabledKey = "Playground:Enabled";

    public const string AllowRemoteKey = "Playground:AllowRemote";

    /// <summary>As configured: true, false, or empty for the default.</summary>
    public string? ConfiguredEnabled { get; set; }

    /// <summary>As configured: true, false, or empty for the default (false).</summary>
    public string? ConfiguredAllowRemote { get; set; }

    /// <summary>The configured <c>Database:Provider</c>, which decides the default.</summary>
    public string? DatabaseProviderName { get; set; }

    public bool Enabled => bool.TryParse(ConfiguredEnabled?.Trim(), out var enabled)
        ? enabled
        : DatabaseOptions.ParseProvider(DatabaseProviderName) == DatabaseProvider.Sqlite;

    public bool AllowRemote => bool.TryParse(ConfiguredAllowRemote?.Trim(), out var allow) && allow;
}
