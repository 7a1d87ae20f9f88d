namespace FeedbackBot.Data.Entities;

public enum CycleState
{
    Open,
    Closed,
    Reviewed,
}
