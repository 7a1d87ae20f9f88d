namespace FeedbackBot.Channels.AdaptiveCards;

/// <summary>The inputs of the feedback card, as they arrive in a <c>feedback.submit</c> submission.</summary>
public static class FeedbackFields
{
    /// <summary>The input holding the chosen service feature's id.</summary>
    public const string Feature = Core.Conversations.Verbs.FeatureInput;

    /// <summary>The input holding <see cref="Praise"/> or <see cref="Complaint"/>.</summary>
    public const string Kind = Core.Conversations.Verbs.KindInput;

    /// <summary>The kind value of praise.</summary>
    public const string Praise = "praise";

    /// <summary>The kind value of a complaint.</summary>
    public const string Complaint = "complaint";
}
