using FeedbackBot.Features.Reviews;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Features.CustomerSurveys;

internal static class CustomerSurveyServiceCollectionExtensions
{
    /// <summary>Customer surveys in the running bot: single-use survey links and their pages.</summary>
    public static IServiceCollection AddFeedbackCustomerSurveys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSurveyLinks(configuration);
        services.AddScoped<SurveyLinkLookup>();
        services.AddScoped<SurveyResponses>();
        return services;
    }

    /// <summary>What the command line's <c>links create</c> and the e-mail invitations need too: signed survey links.</summary>
    public static IServiceCollection AddSurveyLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SurveyLinkOptions>()
            .Configure<IOptions<ReportOptions>>((o, reports) =>
            {
                o.ConfiguredBaseUrl = configuration[SurveyLinkOptions.BaseUrlKey];
                o.ReportBaseUrl = reports.Value.BaseUrl;
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SurveyLinkOptions>, SurveyLinkOptionsValidator>();
        services.AddSingleton<SurveyLinks>();
        return services;
    }

    /// <summary>The survey pages customers open from their links: <c>/s/{token}</c>.</summary>
    public static WebApplication MapCustomerSurveyEndpoints(this WebApplication app)
    {
        app.MapSurveyEndpoints();
        return app;
    }
}
