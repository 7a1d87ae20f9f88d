namespace FeedbackBot.Channels.Slack;

/// <summary>One request to the Events API endpoint (or the payload of a Socket Mode <c>events_api</c> envelope).</summary>
public abstract record SlackEventsRequest;

/// <summary>Slack checking the endpoint when its address is saved: answer 200 with <c>{"challenge": ...}</c>.</summary>
public sealed record SlackUrlVerification(string Challenge) : SlackEventsRequest;

/// <summary>
/// An event in a workspace. Acknowledge within 3 s and do the work afterwards; Slack redelivers the same
/// <see cref="EventId"/> when it does not hear back in time, so handle each id once.
/// </summary>
public sealed record SlackEventCallback(
    string TeamId,
    string? ApiAppId,
    string EventId,
    DateTimeOffset? EventTime,
    SlackEvent Event) : SlackEventsRequest;

/// <summary>Slack has stopped sending the app events for a minute because it received too many.</summary>
public sealed record SlackAppRateLimited(string TeamId, string? ApiAppId, long? MinuteRateLimited) : SlackEventsRequest;
