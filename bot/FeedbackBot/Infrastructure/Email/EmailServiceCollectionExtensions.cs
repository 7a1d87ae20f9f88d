using Microsoft.Extensions.Options;

namespace FeedbackBot.Infrastructure.Email;

internal static class EmailServiceCollectionExtensions
{
    /// <summary>E-mail through an SMTP relay (<c>Email:*</c>), checked at start-up; off when no host is set.</summary>
    public static IServiceCollection AddFeedbackEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Configure(o => o.Read(configuration)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddSingleton<SmtpMailer>();
        services.AddSingleton<EmailPacer>();
        return services;
    }
}
