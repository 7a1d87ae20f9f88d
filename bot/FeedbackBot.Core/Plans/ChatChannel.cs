namespace FeedbackBot.Core.Plans;

/// <summary>The chat platforms the bot speaks.</summary>
public enum ChatChannel
{
    /// <summary>Microsoft Teams, over the Bot Framework Connector.</summary>
    Teams,

    /// <summary>Slack, over the Events API and Web API.</summary>
    Slack,
}
