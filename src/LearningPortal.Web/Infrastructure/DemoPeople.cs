namespace LearningPortal.Web.Infrastructure;

/// <summary>One made-up person of the demo data: who they are and where they work.</summary>
public sealed record DemoPerson(int Number, string Email, string Name, string Agency, string JobRole, bool IsSupervisor);

/// <summary>
/// REVIEW: development shortcut. The made-up people of the demo data: names from common UK first names and surnames,
/// spread over the partnership's agencies roughly as a partnership's training audience is, with a team manager for
/// about every eight people. The same number always gives the same person, so a second run finds the first's.
/// </summary>
public static class DemoPeople
{
    /// <summary>Their email domain; nothing outside it is ever made or changed as a person.</summary>
    public const string Domain = "people." + DemoAccounts.Domain;

    private static readonly string[] FirstNames =
    [
        "Amelia", "Olivia", "Isla", "Ava", "Mia", "Sophie", "Grace", "Lily", "Freya", "Emily", "Ella", "Poppy", "Charlotte", "Aisha", "Fatima",
        "Zara", "Hannah", "Chloe", "Megan", "Rachel", "Sarah", "Claire", "Helen", "Joanne", "Nicola", "Priya", "Sana", "Kerry", "Leanne", "Gemma",
        "Oliver", "George", "Harry", "Jack", "Noah", "Leo", "Arthur", "Muhammad", "Thomas", "James", "Daniel", "Samuel", "Joseph", "Adam", "Imran",
        "David", "Mark", "Paul", "Andrew", "Richard", "Craig", "Gareth", "Ravi", "Tariq", "Kwame", "Lewis", "Ryan", "Sean", "Michael", "Peter",
    ];

    private static readonly string[] Surnames =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker",
        "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Hussain", "Khan", "Ali", "Begum", "Shah", "Edwards", "Hughes", "Turner",
        "Hill", "Cooper", "Ward", "Morris", "Moore", "Lee", "King", "Harrison", "Baker", "Lewis", "Martin", "Mahmood", "Okafor", "Mensah", "Kaur",
        "Singh", "Nowak", "Kowalski", "Murphy", "Kelly", "Campbell", "Stewart", "Scott", "Young", "Mitchell", "Bell", "Parker", "Collins", "Bennett",
    ];

    // Agency, share of the people (out of 300) and the jobs people there do; the first job is the team manager's.
    private static readonly (string Agency, int Share, string[] Jobs)[] Agencies =
    [
        ("Children's Social Care", 48, ["Team manager", "Social worker", "Senior social worker", "Family support worker", "Newly qualified social worker"]),
        ("Targeted Early Help", 32, ["Early help team leader", "Early help worker", "Family support worker", "Parenting practitioner"]),
        ("0-19 Public Health Service", 34, ["Health visiting team leader", "Health visitor", "School nurse", "Community nursery nurse", "Staff nurse"]),
        ("Police", 22, ["Detective sergeant", "Police constable", "Detective constable", "Police community support officer"]),
        ("Primary school", 30, ["Deputy headteacher", "Designated safeguarding lead", "Class teacher", "Learning mentor", "Teaching assistant"]),
        ("Secondary school", 20, ["Head of year", "Designated safeguarding lead", "Pastoral lead", "Teacher", "Attendance officer"]),
        ("Early years setting", 16, ["Nursery manager", "Early years practitioner", "Childminder", "Room leader"]),
        ("Further education college", 6, ["Safeguarding manager", "Student support officer", "Tutor"]),
        ("GP practice", 10, ["Practice manager", "GP", "Practice nurse"]),
        ("Hospital trust", 14, ["Named nurse for safeguarding", "Paediatric nurse", "Midwife", "Emergency department nurse"]),
        ("Child and Adolescent Mental Health Services", 10, ["Team leader", "Mental health practitioner", "Clinical psychologist"]),
        ("Adult social care", 8, ["Team manager", "Social worker", "Occupational therapist"]),
        ("Adult mental health services", 6, ["Team leader", "Community psychiatric nurse", "Support worker"]),
        ("Substance misuse service", 6, ["Service manager", "Recovery worker", "Family worker"]),
        ("Housing", 10, ["Housing team leader", "Housing officer", "Tenancy support worker"]),
        ("Probation", 6, ["Senior probation officer", "Probation officer"]),
        ("Youth Justice Service", 6, ["Youth justice team manager", "Youth justice officer"]),
        ("Voluntary and community sector", 12, ["Project manager", "Family support worker", "Youth worker", "Volunteer coordinator"]),
        ("Safeguarding Children Partnership business unit", 4, ["Business manager", "Learning and development officer", "Quality assurance officer"]),
    ];

    /// <summary>
    /// <paramref name="count"/> people, spread over the agencies in <paramref name="existing"/> (by name) in their shares;
    /// agencies the installation does not have are left out and the others take their places.
    /// </summary>
    public static IReadOnlyList<DemoPerson> Make(int count, IReadOnlySet<string> existing)
    {
        var agencies = Agencies.Where(a => existing.Contains(a.Agency)).ToList();
        if (agencies.Count == 0)
        {
            agencies = [.. existing.Order().Take(8).Select(name => (name, 10, new[] { "Team manager", "Practitioner" }))];
        }

        var total = agencies.Sum(a => a.Share);
        var people = new List<DemoPerson>(count);
        var number = 0;
        for (var i = 0; i < agencies.Count && number < count; i++)
        {
            var (agency, share, jobs) = agencies[i];
            // At least two in every agency, so each has a team manager and someone they supervise.
            var here = i == agencies.Count - 1 ? count - number : Math.Max(2, (int)Math.Round((double)count * share / total));
            for (var j = 0; j < here && number < count; j++, number++)
            {
                var first = FirstNames[(number * 7 + 3) % FirstNames.Length];
                var last = Surnames[(number * 11 + number / Surnames.Length) % Surnames.Length];
                var manager = j % 8 == 0;
                var job = manager ? jobs[0] : jobs[1 + ((j * 5 + number) % (jobs.Length - 1))];
                var email = $"{first}.{last}.{number + 1:000}@{Domain}".ToLowerInvariant();
                people.Add(new DemoPerson(number + 1, email, $"{first} {last}", agency, job, manager));
            }
        }

        return people;
    }
}
