using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FeedbackBot.Features.Reviews.Rendering;
using FeedbackBot.Jobs.Scheduling;

namespace FeedbackBot.Features.Scheduling;

/// <summary>The admin jobs page: one self-contained HTML document, its only style inline and allowed by hash.</summary>
internal sealed class AdminJobsPage(
    IReadOnlyList<ScheduledJobView> jobs, string antiforgeryToken, string instanceId, bool runsJobs, string done)
{
    private const string Style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:1.5rem;color:#1d2433}
        h1{font-size:1.4rem;margin:0 0 .25rem}
        p.meta{color:#5a6478;margin:.25rem 0 1rem}
        p.done{background:#e8f5e9;border:1px solid #a5d6a7;padding:.4rem .6rem}
        table{border-collapse:collapse;width:100%}
        th,td{border-bottom:1px solid #dde2ea;padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:#f3f5f9;font-weight:600}
        code{font-size:12px}
        .state-paused{color:#8a5a00}.state-error,.outcome-failed{color:#b00020;font-weight:600}
        .running{color:#0b61a4;font-weight:600}
        form{display:inline}
        button{font:inherit;margin:0 .15rem .15rem 0;padding:.15rem .5rem}
        """;

    private static readonly string StyleHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)));

    /// <summary>Nothing may load; the one inline style is allowed by its hash, and forms post only back here.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{StyleHash}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public string Render()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>FeedbackBot jobs</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>Scheduled jobs</h1>\n<p class=\"meta\">");
        html.Text($"This instance: {instanceId}. ");
        html.Text(runsJobs
            ? "It runs jobs with the rest of the cluster."
            : "It runs no jobs (Jobs:Enabled is false); other instances do.");
        html.Append("</p>\n");
        if (!string.IsNullOrWhiteSpace(done))
        {
            html.Append("<p class=\"done\" role=\"status\">").Text($"Done: {done}.").Append("</p>\n");
        }

        if (jobs.Count == 0)
        {
            html.Append("<p>No jobs are scheduled.</p>\n");
        }
        else
        {
            Table(html);
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private void Table(StringBuilder html)
    {
        html.Append("<table>\n<thead><tr>");
        foreach (var heading in new[] { "Job", "State", "Schedule", "Previous", "Next", "Running on", "Last run", "Actions" })
        {
            html.Element("th", heading);
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var job in jobs)
        {
            html.Append("<tr>");
            html.Append("<td><code>").Text(job.Key).Append("</code><br>").Text(job.Description).Append("</td>");
            html.Append("<td class=\"state-").Text(job.State).Append("\">").Text(job.State);
            if (job.PausedBy is not null)
            {
                html.Text($" (by {job.PausedBy})");
            }

            html.Append("</td>");
            html.Element("td", job.TimeZone is null ? job.Schedule : $"{job.Schedule} ({job.TimeZone})");
            html.Element("td", Time(job.PreviousFireTime));
            html.Element("td", Time(job.NextFireTime));
            html.Element("td", job.Running ? string.Join(", ", job.RunningOn) : "-", job.Running ? "running" : null);
            LastRun(html, job.LastRun);
            html.Append("<td>");
            Button(html, "trigger", "Trigger now", job.Key);
            Button(html, job.State == "paused" ? "resume" : "pause", job.State == "paused" ? "Resume" : "Pause", job.Key);
            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void LastRun(StringBuilder html, JobRunView? run)
    {
        if (run is null)
        {
            html.Element("td", "never");
            return;
        }

        html.Append("<td><span class=\"outcome-").Text(run.Outcome).Append("\">").Text(run.Outcome).Append("</span> ");
        html.Text($"{Time(run.StartedAt)} to {Time(run.EndedAt)}");
        if (run.Instance is not null)
        {
            html.Text($" on {run.Instance}");
        }

        if (run.Error is not null)
        {
            html.Append("<br>").Text(run.Error);
        }

        html.Append("</td>");
    }

    private void Button(StringBuilder html, string action, string label, string key)
    {
        html.Append("<form method=\"post\" action=\"").Text($"{AdminJobsEndpoints.Path}/{action}").Append("\">");
        html.Append("<input type=\"hidden\" name=\"").Text(AdminServiceCollectionExtensions.AntiforgeryFieldName)
            .Append("\" value=\"").Text(antiforgeryToken).Append("\">");
        html.Append("<input type=\"hidden\" name=\"key\" value=\"").Text(key).Append("\">");
        html.Append("<button type=\"submit\">").Text(label).Append("</button></form>");
    }

    private static string Time(DateTimeOffset? time) =>
        time is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "-";
}
