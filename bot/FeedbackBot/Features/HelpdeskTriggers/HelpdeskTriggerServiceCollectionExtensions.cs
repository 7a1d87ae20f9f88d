using Microsoft.Extensions.Options;

namespace FeedbackBot.Features.HelpdeskTriggers;

internal static class HelpdeskTriggerServiceCollectionExtensions
{
    /// <summary>Helpdesk triggers: <c>POST /api/interactions</c> and the shared secret it is signed with.</summary>
    public static IServiceCollection AddFeedbackHelpdeskTriggers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>()
            .Configure(o => o.Secret = configuration[WebhookOptions.SecretKey])
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddScoped<QueueCustomerSurvey>();
        return services;
    }

    public static WebApplication MapHelpdeskTriggers(this WebApplication app)
    {
        app.MapReportInteraction();
        return app;
    }
}
