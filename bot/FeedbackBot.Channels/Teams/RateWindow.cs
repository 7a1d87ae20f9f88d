namespace FeedbackBot.Channels.Teams;

/// <summary>At most <see cref="Limit"/> requests in any <see cref="Period"/>.</summary>
public readonly record struct RateWindow(int Limit, TimeSpan Period);
