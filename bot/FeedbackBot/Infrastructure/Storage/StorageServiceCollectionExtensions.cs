using FeedbackBot.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Infrastructure.Storage;

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
        // The factory serves work that outlives a request (background processing, parallel writers); it also
        // registers the scoped context that endpoints and commands take.
        services.AddDbContextFactory<FeedbackDbContext>((provider, builder) =>
        {
            var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            FeedbackDatabase.Configure(builder, options.Provider, options.ConnectionString);
            // EF Core interceptors registered in the container (telemetry, a test's counter) see every context.
            builder.AddInterceptors(provider.GetServices<IInterceptor>());
        });
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }
}
