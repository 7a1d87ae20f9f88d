using FeedbackBot.Data;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Storage;

internal static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddFeedbackStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Configure(o =>
            {
                o.ProviderName = configuration[DatabaseOptions.ProviderKey];
                o.ConfiguredConnectionString = configuration[DatabaseOptions.ConnectionStringKey];
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddDbContext<FeedbackDbContext>((provider, builder) =>
        {
            var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            FeedbackDatabase.Configure(builder, options.Provider, options.ConnectionString);
        });
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }
}
