namespace FeedbackBot.Tests.Infrastructure.Outbox;

/// <summary>Tests that judge a pace on the real clock run one at a time, so they do not take each other's CPU.</summary>
[CollectionDefinition(Collection)]
public sealed class PacedSends
{
    public const string Collection = "Paced sends";
}
