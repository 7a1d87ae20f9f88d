using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FeedbackBot.Infrastructure.Telemetry;

/// <summary>
/// The bot's own spans and counters. Static, like the libraries' own sources, so a feature records without taking a
/// dependency; with telemetry off nothing listens, and starting a span or adding to a counter costs next to nothing.
/// docs/deploy.md lists every name below.
/// </summary>
internal static class BotTelemetry
{
    /// <summary>The activity source and meter name; the host exports every meter named <c>FeedbackBot*</c>.</summary>
    public const string Name = "FeedbackBot";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Survey responses stored (one per person, or survey link, per cycle), tagged with the channel they came by.</summary>
    public static readonly Counter<long> AnswersStored = Meter.CreateCounter<long>(
        "feedbackbot.answers.stored", "{response}", "Survey responses stored, by the channel they arrived on.");

    /// <summary>Invitations delivered: a chat card that reached the person, or an e-mail the mail server accepted.</summary>
    public static readonly Counter<long> InvitationsSent = Meter.CreateCounter<long>(
        "feedbackbot.invitations.sent", "{invitation}", "Survey invitations delivered, by channel.");

    public static readonly Histogram<double> ReviewDuration = Meter.CreateHistogram<double>(
        "feedbackbot.review.duration", "s", "Time to build and store one cycle review.");

    public static readonly Counter<long> ReportOpens = Meter.CreateCounter<long>(
        "feedbackbot.report.opens", "{open}", "Review reports opened through a valid report link, by format.");

    /// <summary>Runs <paramref name="work"/> in a span named <paramref name="name"/>, marked failed if it throws.</summary>
    public static async Task<T> InSpanAsync<T>(string name, Func<Activity?, Task<T>> work)
    {
        using var span = Source.StartActivity(name);
        try
        {
            return await work(span);
        }
        catch (Exception e) when (Failed(span, e))
        {
            throw;
        }
    }

    /// <summary>Marks a span failed. Returns false, so it fits an exception filter and the exception goes on unchanged.</summary>
    public static bool Failed(Activity? activity, Exception error)
    {
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            activity.AddException(error);
        }

        return false;
    }
}
