namespace FeedbackBot.Features.Contacts;

internal static class ContactServiceCollectionExtensions
{
    /// <summary>Customer contacts: how their e-mail addresses are kept.</summary>
    public static IServiceCollection AddFeedbackContacts(this IServiceCollection services)
    {
        services.AddSingleton<ContactEmails>();
        return services;
    }
}
