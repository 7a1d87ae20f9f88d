namespace FeedbackBot.Core.Plans;

/// <summary>What the plan parser needs from the world, passed in so the parser stays pure.</summary>
/// <param name="TimeZoneExists">Whether an IANA time zone id is known on this system.</param>
public sealed record PlanParserOptions(Func<string, bool> TimeZoneExists);
