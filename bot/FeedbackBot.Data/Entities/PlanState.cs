namespace FeedbackBot.Data.Entities;

public enum PlanState
{
    Active,
    Paused,
}
