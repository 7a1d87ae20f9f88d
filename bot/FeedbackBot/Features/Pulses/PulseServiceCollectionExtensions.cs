namespace FeedbackBot.Features.Pulses;

internal static class PulseServiceCollectionExtensions
{
    /// <summary>Pulses in chat: <c>start pulse</c>, answering a pulse card and <c>my pulses</c>.</summary>
    public static IServiceCollection AddFeedbackPulses(this IServiceCollection services)
    {
        services.AddScoped<StartPulseFeature>();
        services.AddScoped<AnswerSurveyFeature>();
        services.AddScoped<MyPulsesFeature>();
        services.AddScoped<OpenPulses>();
        services.AddSingleton<RespondentSecret>();
        services.AddSingleton<PlanVersions>();
        services.AddSingleton<PulseCycles>();
        services.AddSingleton<PulseAnswerWriter>();
        return services;
    }
}
