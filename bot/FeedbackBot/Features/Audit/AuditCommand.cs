using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FeedbackBot.CommandLine;
using FeedbackBot.Data;
using FeedbackBot.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Audit;

/// <summary>
/// <c>feedbackbot audit [--since DATE] [--format text|json]</c>: the audit trail, oldest first like any log, so the
/// latest acts are at the bottom of a terminal and <c>tail</c> shows them.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var since = new Option<string?>("--since") { Description = "Only entries on or after this day (YYYY-MM-DD, UTC)." };
        var format = OutputFormatOption.Create();
        var command = new Command(
            "audit",
            "The audit trail, oldest first: evaluations read, plans applied, roles changed, jobs triggered, paused or resumed, report links opened, people exported and erased, retention deletions.")
        {
            since, format,
        };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var from = Since(parseResult.GetValue(since));
            await using var services = CommandServices.Create(parseResult, context);
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            var query = db.AuditEntries.AsNoTracking();
            if (from is { } start)
            {
                query = query.Where(e => e.At >= start);
            }

            var entries = await query
                .Select(e => new
                {
                    e.At,
                    Channel = e.Tenant == null ? (Data.Entities.TenantChannel?)null : e.Tenant.Channel,
                    ExternalId = e.Tenant == null ? null : e.Tenant.ExternalId,
                    e.Actor,
                    e.Action,
                    e.Subject,
                    e.Detail,
                })
                .ToListAsync(cancellationToken);

            // Ordered here: SQLite keeps instants as text, which orders correctly but is not worth relying on.
            var ordered = entries.OrderBy(e => e.At)
                .Select(e => new { e.At, Tenant = e.Channel is { } channel ? $"{channel.ToString().ToLowerInvariant()}:{e.ExternalId}" : null, e.Actor, e.Action, e.Subject, e.Detail })
                .ToList();
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                var json = ordered.Select(e => new { at = e.At, tenant = e.Tenant, actor = e.Actor, action = e.Action, subject = e.Subject, detail = e.Detail });
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(json, JsonSerializerOptions.Web));
                return ExitCodes.Ok;
            }

            if (ordered.Count == 0)
            {
                await context.Out.WriteLineAsync(from is null ? "The audit trail is empty." : $"No audit entries since {from:yyyy-MM-dd}.");
                return ExitCodes.Ok;
            }

            await context.Out.WriteAsync(TextTable.Format(
                ["AT (UTC)", "TENANT", "ACTOR", "ACTION", "SUBJECT", "DETAIL"],
                ordered.Select(e => (IReadOnlyList<string>)
                [
                    e.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    e.Tenant ?? "-",
                    e.Actor,
                    e.Action,
                    e.Subject,
                    e.Detail?.ReplaceLineEndings(" ") ?? string.Empty,
                ])));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static DateTime? Since(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)
            : throw new UsageException($"--since '{text}' is not a day; write it as YYYY-MM-DD.");
    }
}
