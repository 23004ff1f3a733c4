using System.Reflection;
using Mono.Cecil;
using NetArchTest.Rules;

namespace LearningPortal.Tests.Architecture;

/// <summary>
/// The module rules (<see cref="ModuleRules"/>), checked on the compiled code with NetArchTest. What each test proves,
/// and what it cannot see, is said on the test.
/// </summary>
public class ModuleBoundaryTests
{
    private const string CoreNamespace = "LearningPortal.Core";

    private static readonly Assembly Core = typeof(PortalDbContext).Assembly;

    /// <summary>
    /// Core is the domain and knows nothing of pages: no type of it uses a type of ASP.NET Core MVC or Razor Pages
    /// (any namespace under <c>Microsoft.AspNetCore.Mvc</c>), and the assembly references none of MVC's assemblies.
    /// </summary>
    [Fact]
    public void Core_does_not_reference_ASP_NET_Core_MVC()
    {
        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOn("Microsoft.AspNetCore.Mvc").GetResult();

        Assert.True(result.IsSuccessful, "Core types that use MVC: " + string.Join(", ", result.FailingTypeNames ?? []));
        Assert.DoesNotContain(Core.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.AspNetCore.Mvc", StringComparison.Ordinal));
    }

    /// <summary>
    /// Data flows one way: Web composes Search and Core, Search indexes what Core's modules supply, and neither reaches
    /// back. Core references neither Web nor Search; Search does not reference Web.
    /// </summary>
    [Fact]
    public void Core_and_Search_do_not_reference_the_site()
    {
        var search = typeof(LearningPortal.Search.SearchIndexer).Assembly;

        var core = Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny("LearningPortal.Web", "LearningPortal.Search").GetResult();
        var index = Types.InAssembly(search).ShouldNot().HaveDependencyOn("LearningPortal.Web").GetResult();

        Assert.True(core.IsSuccessful, "Core types that use Web or Search: " + string.Join(", ", core.FailingTypeNames ?? []));
        Assert.True(index.IsSuccessful, "Search types that use Web: " + string.Join(", ", index.FailingTypeNames ?? []));
        Assert.DoesNotContain(Core.GetReferencedAssemblies(), a => a.Name is "LearningPortal.Web" or "LearningPortal.Search");
        Assert.DoesNotContain(search.GetReferencedAssemblies(), a => a.Name == "LearningPortal.Web");
    }

    /// <summary>
    /// A module's types use another module's types (any reference: a call, a field, a parameter, an entity) only where
    /// <see cref="ModuleRules.AllowedCalls"/> lists the pair. Shared parts use no module, except Data, whose context maps
    /// every module's tables. Only Core is checked: pages in Web compose modules and are not a module.
    /// </summary>
    [Fact]
    public void Modules_use_only_the_modules_the_rules_allow()
    {
        var refused = new List<string>();
        foreach (var module in ModuleRules.Modules)
        {
            var allowed = ModuleRules.AllowedCalls[module].Select(a => a.Module).Append(module).ToHashSet();
            var forbidden = ModuleRules.Modules.Where(m => !allowed.Contains(m)).Select(Namespace).ToArray();
            var result = Types.InAssembly(Core).That().ResideInNamespace(Namespace(module))
                .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
            refused.AddRange((result.FailingTypeNames ?? []).Select(t => $"{t} (module {module})"));
        }

        foreach (var shared in ModuleRules.Shared.Where(s => s != "Data"))
        {
            var uses = ModuleRules.SharedUses.GetValueOrDefault(shared, []).Select(u => u.Module).ToHashSet();
            var result = Types.InAssembly(Core).That().ResideInNamespace(Namespace(shared))
                .ShouldNot().HaveDependencyOnAny(ModuleRules.Modules.Where(m => !uses.Contains(m)).Select(Namespace).ToArray()).GetResult();
            refused.AddRange((result.FailingTypeNames ?? []).Select(t => $"{t} (shared {shared})"));
        }

        Assert.True(refused.Count == 0, "Uses of another module that ModuleRules does not allow:\n" + string.Join("\n", refused));
    }

    /// <summary>
    /// A module's tables are written only by that module; the shared tables (<see cref="ModuleRules.SharedTables"/>)
    /// by any. "Writes" is read from the IL by <see cref="TableWrites"/> (which says what it can and cannot see); a
    /// table belongs to the module whose namespace holds its entity class (Identity's tables to Accounts).
    /// Checked in Core, where the modules are.
    /// </summary>
    [Fact]
    public void Tables_are_written_only_by_their_module()
    {
        var rule = new TableWrites(EntityOwners().Keys.ToHashSet(), MayWrite);

        var result = Types.InAssembly(Core).That().ResideInNamespace(CoreNamespace).Should().MeetCustomRule(rule).GetResult();

        Assert.True(result.IsSuccessful, "Writes to another module's tables:\n" + string.Join("\n", rule.Refused.Distinct()));
    }

    /// <summary>Every namespace of Core is a module or a shared part, so a new one cannot escape the rules above.</summary>
    [Fact]
    public void Every_part_of_Core_is_a_module_or_shared()
    {
        var parts = Core.GetTypes()
            .Select(t => t.Namespace ?? "")
            .Where(ns => ns.StartsWith(CoreNamespace + ".", StringComparison.Ordinal))
            .Select(ModuleOf)
            .Distinct();

        Assert.Empty(parts.Except(ModuleRules.Modules).Except(ModuleRules.Shared));
    }

    /// <summary>The write check can fail: it sees writes it must see, of each kind.</summary>
    [Fact]
    public void The_write_check_sees_known_writes()
    {
        var rule = new TableWrites(EntityOwners().Keys.ToHashSet(), (_, _) => true);
        using var module = ModuleDefinition.ReadModule(Core.Location);

        string[] Writes(string type) => rule.Written(module.GetType(type)).Distinct().ToArray();

        // DbSet.Add of a new booking, inside an async state machine.
        Assert.Contains("LearningPortal.Core.Training.Booking", Writes("LearningPortal.Core.Training.BookingService"));
        // ExecuteUpdate through Leases.ClaimAsync.
        Assert.Contains("LearningPortal.Core.Email.OutboxMessage", Writes("LearningPortal.Core.Email.OutboxSender"));
        // A type that only reads writes nothing.
        Assert.Empty(Writes("LearningPortal.Core.Content.Reading.ContentLibrary"));
    }

    private static bool MayWrite(TypeDefinition writer, string entity)
    {
        if (ModuleRules.SharedTables.Any(t => t.Entity == entity))
        {
            return true;
        }

        var writerModule = ModuleOf(TopLevel(writer).Namespace);
        return writerModule == EntityOwners()[entity]
            || ModuleRules.CrossWrites.Any(w => w.Writer == writerModule && w.Entity == entity);
    }

    private static Dictionary<string, string>? owners;

    /// <summary>Every entity class in the model, with the module that owns its table.</summary>
    private static Dictionary<string, string> EntityOwners()
    {
        if (owners is null)
        {
            using var db = DesignTime.Create(b => b.UseSqlite("Data Source=:memory:"));
            owners = db.Model.GetEntityTypes()
                .Where(e => !e.IsOwned() && !e.HasSharedClrType)
                .Select(e => e.ClrType)
                .Distinct()
                .ToDictionary(
                    t => CecilName(t),
                    t => t.Namespace!.StartsWith(CoreNamespace + ".", StringComparison.Ordinal) ? ModuleOf(t.Namespace) : OwnerOutsideCore(t));
        }

        return owners;
    }

    /// <summary>Identity's classes (users' roles, logins, tokens, passkeys) are Accounts' tables; data-protection keys are Data's.</summary>
    private static string OwnerOutsideCore(Type type) =>
        type.Namespace!.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) ? "Accounts" : "Data";

    /// <summary>The name Cecil gives the type: generic arguments in angle brackets, nested types after a slash.</summary>
    private static string CecilName(Type type) =>
        type.IsGenericType
            ? $"{type.Namespace}.{type.Name}<{string.Join(",", type.GetGenericArguments().Select(CecilName))}>"
            : type.FullName!.Replace('+', '/');

    private static TypeDefinition TopLevel(TypeDefinition type) => type.DeclaringType is null ? type : TopLevel(type.DeclaringType);

    private static string ModuleOf(string ns) => ns.Length > CoreNamespace.Length ? ns[(CoreNamespace.Length + 1)..].Split('.')[0] : "";

    private static string Namespace(string module) => CoreNamespace + "." + module;
}
