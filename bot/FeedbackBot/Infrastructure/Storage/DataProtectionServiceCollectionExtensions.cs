using FeedbackBot.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Infrastructure.Storage;

internal static class DataProtectionServiceCollectionExtensions
{
    /// <summary>The application name isolates our keys' purposes from any other app sharing the key ring.</summary>
    public const string ApplicationName = "FeedbackBot";

    public static IServiceCollection AddFeedbackDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<IDbContextFactory<FeedbackDbContext>, TimeProvider>((options, contexts, clock) =>
                options.XmlRepository = new DatabaseXmlRepository(contexts, clock));
        return services;
    }
}
