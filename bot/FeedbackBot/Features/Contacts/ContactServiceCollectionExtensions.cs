using FeedbackBot.Infrastructure.Email;
using FeedbackBot.Infrastructure.Storage;

namespace FeedbackBot.Features.Contacts;

internal static class ContactServiceCollectionExtensions
{
    /// <summary>Customer contacts in the running bot: their addresses, their sampling, their e-mails and the unsubscribe pages.</summary>
    public static IServiceCollection AddFeedbackContacts(this IServiceCollection services)
    {
        services.AddSingleton<ContactEmails>();
        services.AddSingleton<UnsubscribeLinks>();
        services.AddScoped<CustomerSample>();
        services.AddScoped<EmailInvitations>();
        services.AddHostedService<WaitingEmailInvitations>();
        return services;
    }

    /// <summary>What a command line run that reads or writes addresses needs: the keys they are encrypted and hashed with.</summary>
    public static IServiceCollection AddContactEmails(this IServiceCollection services)
    {
        services.AddFeedbackDataProtection();
        services.AddSingleton<ContactEmails>();
        return services;
    }

    /// <summary>What a command line run that opens cycles needs: the customer sample a cycle's open draws.</summary>
    public static IServiceCollection AddCustomerSampling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFeedbackEmail(configuration);
        services.AddScoped<CustomerSample>();
        return services;
    }

    public static WebApplication MapContactEndpoints(this WebApplication app)
    {
        UnsubscribeEndpoints.Map(app);
        return app;
    }
}
