namespace FeedbackBot.Core.People;

/// <summary>What a person may do with the bot.</summary>
public enum PersonRole
{
    /// <summary>Answers pulses and logs customer feedback.</summary>
    Staff,

    /// <summary>Also asks for reviews and starts pulses.</summary>
    Manager,

    /// <summary>Also assigns roles; the first person to install the bot in a tenant.</summary>
    Admin,
}
