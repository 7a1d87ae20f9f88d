using FeedbackBot.Jobs.Actions;

namespace FeedbackBot.Features.Actions;

internal static class ActionsServiceCollectionExtensions
{
    /// <summary>Improvement actions in chat: adopting a recommendation, the owner's list and updates, and the reminders.</summary>
    public static IServiceCollection AddFeedbackActions(this IServiceCollection services)
    {
        services.AddScoped<AdoptInChatFeature>();
        services.AddScoped<ActionsInChatFeature>();
        services.AddScoped<ActionMessages>();
        services.AddScoped<ActionReminders>();
        services.AddScoped<IActionReminders>(provider => provider.GetRequiredService<ActionReminders>());
        return services;
    }
}
