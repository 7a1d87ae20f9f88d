using System.CommandLine;
using System.Globalization;
using System.Text;
using FeedbackBot.CommandLine;
using FeedbackBot.Features.Contacts;
using FeedbackBot.Features.Cycles;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Infrastructure.Tenancy;
using FeedbackBot.Jobs.Outbox;
using FeedbackBot.Jobs.Scheduling;

namespace FeedbackBot.Features.CustomerSurveys;

/// <summary>
/// <c>feedbackbot links create --plan ID [--count N] [--out FILE.csv] [--qr DIR] [--tenant T]</c>: single-use survey
/// links to hand out by other means (a receipt, a printed card, a message of one's own), each an invitation of the
/// plan's open cycle. With no cycle open it opens one from now, booked with the scheduler like any other, so it is
/// closed, reviewed and posted on its own; nobody is invited by the bot for it.
/// </summary>
internal static class LinksCommand
{
    public const int MaxCount = 10_000;

    public static Command Create(CliContext context) =>
        new("links", "Single-use survey links for customers (see docs/customers.md).")
        {
            CreateCommand(context),
        };

    private static Command CreateCommand(CliContext context)
    {
        var plan = new Option<string>("--plan") { Description = "The plan's id; it must be active and ask customers.", Required = true };
        var count = new Option<int>("--count")
        {
            Description = $"How many links, 1 to {MaxCount}.",
            DefaultValueFactory = _ => 1,
        };
        var output = new Option<FileInfo?>("--out") { Description = "Write the links as CSV (link,invitation_id,expires_at) to this file instead of the terminal." };
        var qr = new Option<DirectoryInfo?>("--qr") { Description = "Also write a QR code per link, as INVITATION_ID.png and INVITATION_ID.svg, into this folder." };
        var tenant = TenantSelector.CreateOption();
        var command = new Command(
            "create",
            "Create survey links in the plan's open cycle (opening one from now when none is open), to hand out by other means.")
        {
            plan, count, output, qr, tenant,
        };
        command.AllowOverrides().SetAction(async (parseResult, cancellationToken) =>
        {
            var selector = TenantSelector.Parse(parseResult.GetValue(tenant));
            var key = parseResult.GetRequiredValue(plan);
            var how = parseResult.GetValue(count);
            if (how is < 1 or > MaxCount)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--count must be from 1 to {MaxCount}, not {how}."));
            }

            // Checked before anything is stored: links made but never written would count as invited all the same.
            var file = parseResult.GetValue(output);
            if (file?.Directory is { Exists: false } folder)
            {
                throw new UsageException($"--out {file}: the folder {folder.FullName} does not exist.");
            }

            var qrFolder = parseResult.GetValue(qr);
            if (qrFolder is not null)
            {
                Directory.CreateDirectory(qrFolder.FullName);
            }

            await using var services = CreateServices(parseResult, context);
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var created = await HandOutLinks.CreateAsync(scope.ServiceProvider, selector, key, how, cancellationToken);
            await WriteAsync(context, created, file, qrFolder, cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task WriteAsync(CliContext context, CreatedLinks created, FileInfo? output, DirectoryInfo? qr, CancellationToken cancellationToken)
    {
        var expires = created.EndsAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        if (output is not null)
        {
            var csv = new StringBuilder("link,invitation_id,expires_at\n");
            foreach (var link in created.Links)
            {
                csv.Append(Cell(link.Url.AbsoluteUri)).Append(',').Append(link.InvitationId.ToString("D")).Append(',').Append(expires).Append('\n');
            }

            await File.WriteAllTextAsync(output.FullName, csv.ToString(), new UTF8Encoding(false), cancellationToken);
        }
        else
        {
            foreach (var link in created.Links)
            {
                await context.Out.WriteLineAsync(link.Url.AbsoluteUri);
            }
        }

        if (qr is not null)
        {
            foreach (var link in created.Links)
            {
                await LinkQrCodes.WriteAsync(qr.FullName, link.InvitationId.ToString("D"), link.Url, cancellationToken);
            }
        }

        var cycle = CycleDates.Describe(created.StartsAt, created.EndsAt);
        var what = created.Links.Count == 1 ? "1 survey link" : string.Create(CultureInfo.InvariantCulture, $"{created.Links.Count} survey links");
        var where = created.Opened ? "a cycle opened now" : "its open cycle";
        var until = created.EndsAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        await context.Error.WriteLineAsync(
            $"Created {what} for {created.Plan.Name} ({created.Plan.Id}) in {where}, {cycle}; each takes one set of answers until {until} UTC, " +
            "when the cycle closes and is reviewed.");
        if (output is not null)
        {
            await context.Error.WriteLineAsync($"Wrote {output.FullName}.");
        }

        if (qr is not null)
        {
            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Wrote {created.Links.Count * 2} QR code files (PNG and SVG) to {qr.FullName}."));
        }
    }

    // RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
    private static string Cell(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>What a link needs in a one-shot process: storage, the link signer, the cycle's lifecycle and the scheduler's store.</summary>
    private static ServiceProvider CreateServices(ParseResult parseResult, CliContext context) =>
        CommandServices.Create(parseResult, context, (services, configuration) =>
        {
            services.AddSurveyLinks(configuration);
            services.AddFeedbackCycles();
            services.AddCustomerSampling(configuration);
            services.AddScoped<ReviewPosts>();

            // Nothing is queued for sending here; the running bot's dispatcher polls for what others queue.
            services.AddSingleton<IOutboxSignal, OutboxSignal>();
            services.AddFeedbackScheduler(configuration, SchedulerRole.Standby);
        });
}
