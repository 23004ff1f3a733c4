using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace LearningPortal.Web.Infrastructure;

public static partial class PagesServiceCollectionExtensions
{
    /// <summary>
    /// Razor Pages with kebab-case lower-case URLs (/account/sign-in), anti-forgery on every form,
    /// and authorisation per folder. Anything not named here needs a signed-in user (fallback policy).
    /// </summary>
    public static IServiceCollection AddPortalPages(this IServiceCollection services)
    {
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddRazorPages(o =>
        {
            o.Conventions.Add(new PageRouteTransformerConvention(new KebabCaseTransformer()));
            o.Conventions.AuthorizeFolder("/Manage", PortalPolicies.StaffArea);
            o.Conventions.AuthorizeFolder("/Manage/Users", PortalPolicies.Administrator);
            o.Conventions.AuthorizeFolder("/Manage/Agencies", PortalPolicies.Administrator);
            o.Conventions.AuthorizeFolder("/Manage/Audit", PortalPolicies.Administrator);
            o.Conventions.AuthorizeFolder("/Manage/Training", PortalPolicies.Editor);
            o.Conventions.AuthorizeFolder("/Manage/Content", PortalPolicies.Editor);
            o.Conventions.AuthorizeFolder("/Manage/Media", PortalPolicies.Editor);
            o.Conventions.AuthorizeFolder("/Manage/Supervision", PortalPolicies.Editor);

            // Supervision: nobody opens a record without two-factor sign-in (each record then decides who reads it);
            // recording also needs the Supervisor role.
            o.Conventions.AuthorizeFolder("/Supervision", PortalPolicies.TwoFactor);
            o.Conventions.AuthorizeFolder("/Supervision/Recording", PortalPolicies.Supervisor);
            o.Conventions.AuthorizeFolder("/Manage/Feedback", PortalPolicies.Editor);
            o.Conventions.AuthorizeFolder("/Manage/Actions", PortalPolicies.Editor);
            o.Conventions.AuthorizeFolder("/Manage/Impact", PortalPolicies.Editor);
            // Assurance: an Agency lead answers for their own agency; evidence files are also for Editors (each file decides).
            o.Conventions.AuthorizePage("/Assurance/Index", PortalPolicies.AgencyLead);
            o.Conventions.AuthorizePage("/Assurance/Answer", PortalPolicies.AgencyLead);
            o.Conventions.AuthorizePage("/Assurance/Evidence", PortalPolicies.AssuranceReader);
            // A second address for the editor, for a new document of a type. Not AddPageRoute: that stops the page's own
            // route (manage/content/{id}) making links, so every link to an existing document would fail.
            o.Conventions.AddPageRouteModelConvention("/Manage/Content/Edit", model => model.Selectors.Add(new SelectorModel
            {
                AttributeRouteModel = new AttributeRouteModel { Template = "manage/content/new/{type}" },
            }));
        }).AddMvcOptions(o =>
        {
            o.ModelBinderProviders.Insert(0, new Forms.DateInputModelBinderProvider());
            o.Filters.Add<MalformedRequestFilter>();
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "lp.af";
            // Not Always: with Always, antiforgery throws on every plain-http request that renders a form
            // (development on http://localhost, the tests' Kestrel). Over HTTPS, including behind a TLS proxy
            // with forwarded headers on (ASPNETCORE_FORWARDEDHEADERS_ENABLED), the cookie is Secure.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentActor>();
        return services;
    }

    private sealed partial class KebabCaseTransformer : IOutboundParameterTransformer
    {
        public string? TransformOutbound(object? value) =>
            value is null ? null : KebabCase().Replace(value.ToString()!, "$1-$2").ToLowerInvariant();

        [GeneratedRegex("([a-z0-9])([A-Z])")]
        private static partial Regex KebabCase();
    }
}
