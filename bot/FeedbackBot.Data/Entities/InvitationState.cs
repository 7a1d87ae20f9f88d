namespace FeedbackBot.Data.Entities;

public enum InvitationState
{
    Pending,
    Sent,
    Answered,
    Unreachable,
}
