namespace FeedbackBot.Features.Roles;

internal static class RoleServiceCollectionExtensions
{
    /// <summary>Who may manage: <c>role @person manager</c> in chat.</summary>
    public static IServiceCollection AddFeedbackRoles(this IServiceCollection services)
    {
        services.AddScoped<SetRoleFeature>();
        return services;
    }
}
