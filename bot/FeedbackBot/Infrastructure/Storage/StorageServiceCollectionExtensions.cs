using FeedbackBot.Data;
using FeedbackBot.Data.Outage;
using Microsoft.EntityFrameworkCore;
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
        // The factory serves work that outlives a request (background processing, parallel writers); the scoped
        // context that endpoints and commands take comes from it. Contexts are pooled: setting one up (its internal
        // services, its change tracker) cost more on every chat answer than the answer's own statements.
        services.AddSingleton<DatabaseOutage>();
        services.AddSingleton<IInterceptor, DatabaseOutageInterceptor>();
        services.AddPooledDbContextFactory<FeedbackDbContext>((provider, builder) =>
        {
            var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            FeedbackDatabase.Configure(builder, options.Provider, FeedbackDatabase.RuntimeConnectionString(options.Provider, options.ConnectionString));
            // EF Core interceptors registered in the container (telemetry, a test's counter) see every context.
            builder.AddInterceptors(provider.GetServices<IInterceptor>());
            // A failed command reaches whoever ran it, who logs it once with what it was doing (or, when the database
            // is away, DatabaseOutage says so once); EF Core's own error lines about the same exception only repeat it.
            builder.ConfigureWarnings(w => w.Log(
                (RelationalEventId.CommandError, LogLevel.Debug),
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (RelationalEventId.TransactionError, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug),
                (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
        });
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<FeedbackDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }
}
