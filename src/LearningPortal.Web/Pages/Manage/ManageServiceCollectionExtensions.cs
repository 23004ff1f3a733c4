namespace LearningPortal.Web.Pages.Manage;

public static class ManageServiceCollectionExtensions
{
    /// <summary>Administration of accounts and agencies (/manage).</summary>
    public static IServiceCollection AddPortalAdministration(this IServiceCollection services)
    {
        services.AddScoped<UserAdministration>();
        services.AddScoped<AgencyAdministration>();
        return services;
    }
}
