/// Word lists for synthetic profiles and engagement details.
///
/// Industries, company size bands and job titles use the labels the scoring
/// model matches on. Every host name is under the reserved `.example`
/// top-level domain (RFC 2606), so no generated URL or email address points
/// at a real organisation.
enum Vocabulary {
    static let firstNames = [
        "Olivia", "Liam", "Emma", "Noah", "Amelia", "Oliver", "Sophia", "Elijah", "Mia", "Lucas",
        "Charlotte", "Mateo", "Harper", "Ethan", "Aisha", "Wei", "Priya", "Arjun", "Yuki", "Kenji",
        "Fatima", "Omar", "Chloé", "José", "Zoë", "Björn", "Ingrid", "Siobhan", "Tomás", "Nadia",
        "Grace", "Daniel", "Hannah", "Samuel", "Leila", "Diego", "Ana", "Mei", "Kwame", "Amara",
    ]

    static let lastNames = [
        "Smith", "Johnson", "Williams", "Brown", "Garcia", "Miller", "Davis", "Martínez", "Lopez", "Wilson",
        "Anderson", "Thomas", "Taylor", "Moore", "Nguyen", "Kim", "Patel", "Singh", "Chen", "Wang",
        "O'Brien", "Müller", "Schmidt", "Rossi", "Dubois", "Kowalski", "Tanaka", "Okafor", "Haddad", "Novak",
        "Jensen", "Larsen", "Silva", "Costa", "Murphy", "Walsh", "Cohen", "Friedman", "Ahmed", "Reyes",
    ]

    static let companyStems = [
        "Northwind", "Bluepeak", "Harbor", "Crescent", "Ironwood", "Summit", "Brightline", "Cobalt",
        "Evergreen", "Granite", "Helix", "Juniper", "Keystone", "Lumen", "Meridian", "Nimbus",
        "Oakridge", "Pinnacle", "Quantum", "Redwood", "Silverline", "Tidewater", "Vertex", "Willow",
    ]

    /// Company name endings that fit each industry.
    static let companySuffixes: [String: [String]] = [
        "Technology": ["Software", "Labs", "Systems", "Cloud"],
        "Healthcare": ["Health", "Medical Group", "Clinics", "Biotech"],
        "Financial Services": ["Capital", "Bank", "Insurance", "Wealth Partners"],
        "Manufacturing": ["Industries", "Manufacturing", "Components", "Robotics"],
        "Retail": ["Outfitters", "Markets", "Stores", "Goods"],
        "Education": ["Academy", "Learning", "University", "Schools"],
        "Professional Services": ["Consulting", "Advisors", "Partners", "Legal"],
        "Media": ["Media", "Studios", "Publishing", "Broadcasting"],
        "Telecommunications": ["Telecom", "Networks", "Wireless", "Communications"],
        "Construction": ["Builders", "Construction", "Contractors", "Homes"],
        "Hospitality": ["Hotels", "Resorts", "Hospitality", "Restaurants"],
        "Non-profit": ["Foundation", "Trust", "Alliance", "Society"],
        "Energy": ["Energy", "Power", "Solar", "Utilities"],
        "Transportation": ["Logistics", "Freight", "Transit", "Shipping"],
    ]

    /// Target industries of the scoring model, most common first.
    static let targetIndustries = ["Technology", "Healthcare", "Financial Services", "Manufacturing", "Retail"]

    /// Secondary industries of the scoring model.
    static let secondaryIndustries = ["Education", "Professional Services", "Media", "Telecommunications"]

    /// Industries the scoring model does not target.
    static let otherIndustries = ["Construction", "Hospitality", "Non-profit", "Energy", "Transportation"]

    /// HubSpot company size bands with their employee ranges.
    static let companySizeBands: [(label: String, employees: ClosedRange<Int>)] = [
        ("Startup (1-10 employees)", 1...10),
        ("Small Business (11-100 employees)", 11...100),
        ("Mid-Market (101-999 employees)", 101...999),
        ("Enterprise (1000+ employees)", 1000...60_000),
    ]

    /// Job titles by seniority, each with the job function a CRM would record.
    static let jobTitles: [Seniority: [(title: String, function: String)]] = [
        .executive: [
            ("CEO", "Operations"), ("CTO", "IT"), ("CIO", "IT"), ("CFO", "Finance"), ("COO", "Operations"),
            ("CMO", "Marketing"), ("Founder", "Operations"), ("Co-Founder and CEO", "Operations"),
            ("President", "Operations"), ("Owner", "Operations"),
        ],
        .vicePresident: [
            ("VP of Sales", "Sales"), ("VP Marketing", "Marketing"), ("Vice President, Engineering", "Engineering"),
            ("VP Operations", "Operations"), ("VP of Information Technology", "IT"), ("SVP Revenue", "Sales"),
        ],
        .director: [
            ("Director of Marketing", "Marketing"), ("IT Director", "IT"), ("Director, Sales Operations", "Sales"),
            ("Head of Growth", "Marketing"), ("Head of IT", "IT"), ("Director of Finance", "Finance"),
            ("Senior Manager, Demand Generation", "Marketing"),
        ],
        .manager: [
            ("Marketing Manager", "Marketing"), ("Sales Manager", "Sales"), ("IT Manager", "IT"),
            ("Operations Manager", "Operations"), ("Customer Success Manager", "Customer Success"),
            ("HR Manager", "HR"), ("Product Manager", "Product"),
        ],
        .individualContributor: [
            ("Marketing Specialist", "Marketing"), ("Account Executive", "Sales"), ("Software Engineer", "Engineering"),
            ("Data Analyst", "Operations"), ("Product Owner", "Product"), ("Systems Administrator", "IT"),
            ("Sales Development Representative", "Sales"), ("HR Generalist", "HR"), ("Accountant", "Finance"),
            ("Content Writer", "Marketing"), ("Legal Counsel", "Legal"),
        ],
    ]

    /// Pages of the vendor's web site; `highValue` marks pages that signal buying intent.
    static let pages: [(path: String, highValue: Bool)] = [
        ("/", false), ("/blog/lead-scoring-basics", false), ("/blog/revops-metrics", false),
        ("/blog/kafka-for-marketers", false), ("/about", false), ("/careers", false),
        ("/docs/getting-started", false), ("/webinars", false), ("/resources/guides", false),
        ("/product", false), ("/integrations", false),
        ("/pricing", true), ("/demo", true), ("/product/tour", true), ("/case-studies/healthcare", true),
        ("/case-studies/fintech", true), ("/contact-sales", true), ("/integrations/salesforce", true),
    ]

    static let highValuePageIndices = pages.indices.filter { pages[$0].highValue }
    static let otherPageIndices = pages.indices.filter { !pages[$0].highValue }

    static let siteOrigin = "https://www.acme-software.example"

    /// Forms that a prospect fills early in the funnel.
    static let topOfFunnelForms = ["newsletter-signup", "ebook-download", "webinar-registration", "checklist-download"]

    /// Forms that ask for a sales conversation.
    static let handRaiseForms = ["contact-sales", "demo-request", "free-trial", "pricing-quote"]

    static let assets = [
        "ebook-lead-scoring-playbook", "whitepaper-revops-alignment", "report-state-of-b2b-2026",
        "template-sla-marketing-sales", "case-study-harbor-health", "webinar-recording-cross-hub",
        "checklist-crm-hygiene", "guide-nurture-tracks",
    ]

    static let objectionTopics = ["pricing", "timing", "competitor", "security review", "integration effort", "contract terms"]

    static let rejectionReasons = [
        "not a decision maker", "no budget this year", "existing vendor contract",
        "company too small", "student or job seeker", "duplicate of an existing contact",
    ]

    static let overrideReasons: [(status: String, reason: String)] = [
        ("SALES_QUALIFIED_LEAD", "strategic account named by the CRO"),
        ("SALES_QUALIFIED_LEAD", "referral from an existing customer"),
        ("MARKETING_QUALIFIED_LEAD", "met at a trade show booth"),
        ("LEAD", "re-engaged after a partner introduction"),
        ("SUBSCRIBER", "works for a competitor"),
        ("SUBSCRIBER", "student researching the market"),
    ]

    static let salesOwners: [(id: String, email: String)] = [
        ("owner-101", "maria.gomez@acme-software.example"),
        ("owner-102", "james.okoro@acme-software.example"),
        ("owner-103", "lena.fischer@acme-software.example"),
        ("owner-104", "raj.mehta@acme-software.example"),
        ("owner-105", "sarah.lindqvist@acme-software.example"),
        ("owner-106", "tom.becker@acme-software.example"),
        ("owner-107", "ana.sousa@acme-software.example"),
        ("owner-108", "kevin.wu@acme-software.example"),
    ]

    static let revOpsUser = "revops@acme-software.example"
}

/// A job title's level, from the board to individual contributors.
enum Seniority: CaseIterable {
    case executive
    case vicePresident
    case director
    case manager
    case individualContributor
}
