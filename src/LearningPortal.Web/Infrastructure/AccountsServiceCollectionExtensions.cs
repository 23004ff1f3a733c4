using LearningPortal.Core.Email;
using LearningPortal.Core.Training;
using LearningPortal.Web.Accounts;
using LearningPortal.Web.Themes;
using LearningPortal.Web.Training;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LearningPortal.Web.Infrastructure;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>
    /// ASP.NET Core Identity with the portal's rules: passwords of 12 to 128 characters checked against a
    /// deny-list, no composition rules (NCSC and NIST guidance); PBKDF2 at 210,000 iterations; lockout
    /// after 5 failures; confirmed email required; sessions re-checked every minute so that disabling an
    /// account or changing a password ends other sessions.
    /// </summary>
    public static IServiceCollection AddPortalAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<PortalUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = PasswordRules.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = configuration.GetValue("Accounts:LockoutDuration", TimeSpan.FromMinutes(15));
                o.User.RequireUniqueEmail = true;

                // The user name is the email address, already checked by the forms; Identity's default
                // character list would refuse real addresses such as o'brien@example.org.
                o.User.AllowedUserNameCharacters = "";
                o.SignIn.RequireConfirmedEmail = true;
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddUserManager<PortalUserManager>()
            .AddSignInManager<PortalSignInManager>()
            .AddPasswordValidator<PasswordRules>();

        // In front of Identity's session check: nothing is resolved for a session not due one (see SessionChecks).
        services.AddSingleton<SessionChecks>();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        // How soon another session notices a changed password, a changed email or a disabled account.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = configuration.GetValue("Accounts:SessionRecheckInterval", TimeSpan.FromMinutes(1));
            o.OnRefreshingPrincipal = SecondFactor.KeepSignInMethod;
        });
        // A passkey counts as two factors only if the authenticator checked it is you (PIN or biometrics).
        services.Configure<IdentityPasskeyOptions>(o => o.UserVerificationRequirement = "required");
        services.AddSingleton<IAuthorizationHandler, SecondFactorHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, SecondFactorRedirect>();
        services.AddSingleton<CommonPasswordList>();
        services.AddScoped<AccountEmails>();
        services.TryAddSingleton<ISiteAddress, ServerSiteAddress>();
        services.AddSingleton<IEmailLinks, EmailLinks>();
        services.AddSingleton(sp =>
        {
            var theme = sp.GetRequiredService<Theme>();
            return new ServiceIdentity(theme.ServiceName, theme.Organisation);
        });
        services.AddScoped<UserSessions>();
        services.AddScoped<EmailChangeUndo>();
        services.AddScoped<AccountSignIn>();
        services.AddSingleton<AnswerPacing>();
        services.AddScoped<AuthenticatorSetUp>();
        services.AddScoped<SecondFactorChanges>();
        services.AddScoped<AgencyChoices>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "lp.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = SessionChecks.ValidatePrincipalAsync;
            o.Events.OnRedirectToAccessDenied = context =>
            {
                // A signed-in user without the role gets a plain 403 and the branded page, not a redirect.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.HttpOnly = true;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.HttpOnly = true;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.HttpOnly = true;
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(PortalPolicies.Supervisor, p => p.RequireRole(PortalRoles.Supervisor))
            // Editors and Administrators also need a session that used a second factor (PortalRoles.NeedTwoFactor); one
            // without is taken to set it up or to the second step (SecondFactorRedirect), not refused.
            .AddPolicy(PortalPolicies.Editor, p => p.RequireRole(PortalRoles.Editor).AddRequirements(new SecondFactorRequirement()))
            .AddPolicy(PortalPolicies.StaffArea, p => p.RequireRole(PortalRoles.Editor, PortalRoles.Administrator).AddRequirements(new SecondFactorRequirement()))
            .AddPolicy(PortalPolicies.Administrator, p => p.RequireRole(PortalRoles.Administrator).AddRequirements(new SecondFactorRequirement()))
            .AddPolicy(PortalPolicies.AgencyLead, p => p.RequireRole(PortalRoles.AgencyLead).AddRequirements(new SecondFactorRequirement()))
            .AddPolicy(PortalPolicies.AssuranceReader, p => p.RequireRole(PortalRoles.AgencyLead, PortalRoles.Editor).AddRequirements(new SecondFactorRequirement()))
            .AddPolicy(PortalPolicies.TwoFactor, p => p.RequireAuthenticatedUser().AddRequirements(new SecondFactorRequirement()));
        return services;
    }
}
