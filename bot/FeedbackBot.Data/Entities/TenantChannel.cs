namespace FeedbackBot.Data.Entities;

public enum TenantChannel
{
    Local,
    Teams,
    Slack,
}
