package demo

import "github.com/ccsp/tasking/model"

// plan is one action the group might agree for a hotspot: the text, the
// owner agency (short name), the officer and the rung of the ladder.
type plan struct {
	text, agency, officer string
	intervention          model.Intervention
}

// site is one demo hotspot with what the group says and does about it.
type site struct {
	title, location, ward string
	category              model.Category
	theme                 string
	risk                  model.Risk
	riskReason            string
	// matrix is the assessment behind risk where the reason speaks of
	// one (flags); otherwise likelihood and harm alike give the risk.
	matrix         model.RiskAssessment
	status         model.HotspotStatus
	sara           model.SARAStage
	lead           string
	openedWeeksAgo int
	confidential   string
	notes          []string
	resolutions    []string
	plans          []plan
	closedReason   string // closed during the demo history
}

var sites = []site{
	{
		title: "Town centre: youths congregating, street drinking", location: "Market Place, Low Pavement and the bus station",
		ward: "Spire", category: model.CategoryNuisance, theme: "youths congregating", risk: model.RiskHigh,
		riskReason: "repeat victimisation of market traders", matrix: model.RiskAssessment{Likelihood: 4, Harm: 4, Repeat: true}, status: model.HotspotActive, sara: model.SARAResponse,
		lead: "Community Safety", openedWeeksAgo: 45,
		confidential: "Two named young people (see Early Help referral) are at the centre of the group; one trader has been targeted repeatedly.",
		notes: []string{
			"Groups of 15–20 at the bus station on Friday and Saturday evenings; two CPWs issued by PCSOs.",
			"Calls for service down 30% on last month; begging reduced since the PSPO patrols began.",
			"Boots on the Ground outreach engaged 80 young people over three evenings.",
			"Traders report intimidation at closing time on Low Pavement; CCTV has footage of two incidents.",
		},
		resolutions: []string{
			"that a dispersal authorisation be sought for the weekend evenings",
			"that joint patrols continue until the group next reviews the figures",
			"that the PSPO enforcement approach be applied consistently by all enforcement staff",
		},
		plans: []plan{
			{"Joint patrols Fri/Sat 20:00–02:00 around the bus station", "Police", "PCSO Nadia Khan", "patrols"},
			{"Review dispersal authorisation for the weekend", "Police", "Insp Claire Dunn", "dispersal"},
			{"Youth outreach Thu–Sat evenings in Market Place", "Youth Services", "Marcus Bell", "diversion"},
			{"Redeploy CCTV camera 14 to cover Low Pavement", "Enforcement/CCTV", "Amy Walsh", "environmental"},
			{"Visit traders on Low Pavement and log incidents", "Community Safety", "Tom Okafor", "advice"},
			{"Early Help assessment for two young people identified", "Children's Services", "Faye Turner", "referral"},
		},
	},
	{
		title: "Staveley rec ground: off-road bikes and secondary fires", location: "Recreation ground off Middlecroft Road",
		ward: "Staveley North", category: model.CategoryNuisance, theme: "off-road bikes", risk: model.RiskHigh,
		riskReason: "near misses with children on the play area; three deliberate grass fires", status: model.HotspotActive, sara: model.SARAResponse,
		lead: "Police", openedWeeksAgo: 30,
		notes: []string{
			"Off-road bikes seen most evenings after 18:00; residents filming on phones.",
			"Two secondary fires on the embankment this month; crews attended both.",
			"Section 59 warnings issued to two riders; one bike seized.",
		},
		resolutions: []string{
			"that bollards be costed for the Middlecroft Road entrance",
			"that a Section 59 operation be run on two evenings",
		},
		plans: []plan{
			{"Section 59 operation on two evenings with the off-road bike team", "Police", "PC Lee Barker", "patrols"},
			{"Cost bollards and a kissing gate at the Middlecroft Road entrance", "Env Protection", "Sandra Cole", "environmental"},
			{"Arson reduction visit to the embankment and removal of combustibles", "Fire", "Joanne Reid", "environmental"},
			{"Football sessions on Tuesday evenings at the rec", "Football Trust", "Danny Webb", "diversion"},
		},
	},
	{
		title: "Loundsley Green flats: drug dealing, county lines", location: "Flats off Ashgate Road",
		ward: "Brampton West & Loundsley Green", category: model.CategoryPersonal, theme: "county lines", risk: model.RiskHigh,
		riskReason: "suspected cuckooing of a vulnerable tenant", matrix: model.RiskAssessment{Likelihood: 3, Harm: 4, Vulnerable: true}, status: model.HotspotActive, sara: model.SARAAnalysis,
		lead: "Police", openedWeeksAgo: 12,
		confidential: "Tenant at flat 12 believed to be cuckooed; adult safeguarding referral made. Do not discuss address outside Part 2.",
		notes: []string{
			"Intelligence of a county line operating from a flat; footfall at all hours.",
			"Safeguarding concern raised for a vulnerable tenant.",
		},
		resolutions: []string{
			"that a closure notice be considered if the intelligence is confirmed",
		},
		plans: []plan{
			{"Safeguarding visit to the vulnerable tenant with adult social care", "Adult Social Care", "Ian Shaw", "referral"},
			{"Intelligence check and warrant application if supported", "Police", "Sgt Jas Patel", "closure"},
			{"Tenancy audit of the block and warning letters", "Housing", "Louise Birch", "warning"},
		},
	},
	{
		title: "Holme Hall shops: intimidation at the parade", location: "Shopping parade, Holme Hall",
		ward: "Linacre", category: model.CategoryNuisance, theme: "intimidation/harassment", risk: model.RiskMedium,
		riskReason: "shop staff intimidated; no repeat vulnerable victim", status: model.HotspotMonitoring, sara: model.SARAAssessment,
		lead: "Housing", openedWeeksAgo: 40,
		notes: []string{
			"Parade quieter since the ABCs were signed; one breach reported.",
			"Shopkeepers say the new lighting has helped.",
		},
		resolutions: []string{"that the hotspot move to monitoring for four weeks"},
		plans: []plan{
			{"Monitor ABC compliance for the three young people", "Housing", "Gary Fletcher", "abc"},
			{"Improve lighting at the rear of the parade", "Env Protection", "Mark Ridley", "environmental"},
		},
	},
	{
		title: "Rother: wheelie bin fires", location: "Back alleys between Boythorpe Road and Old Hall Road",
		ward: "Rother", category: model.CategoryEnvironmental, theme: "arson (secondary)", risk: model.RiskHigh,
		riskReason: "bins set alight next to houses; risk of spread to property", status: model.HotspotActive, sara: model.SARAResponse,
		lead: "Fire", openedWeeksAgo: 8,
		notes: []string{
			"Five bin fires in three weeks, all between 21:00 and 23:00.",
			"Residents advised to keep bins in until collection day.",
		},
		resolutions: []string{"that a joint arson leaflet drop be carried out in the affected streets"},
		plans: []plan{
			{"Leaflet drop and home fire safety visits in the affected streets", "Fire", "WM Steve Holt", "advice"},
			{"Review CCTV for the alley behind Old Hall Road", "Enforcement/CCTV", "Kevin Price", "environmental"},
			{"Letters to tenants on bin storage", "Housing", "Neil Armitage", "advice"},
		},
	},
	{
		title: "Brimington: fly-tipping in the alley off Manor Road", location: "Alley off Manor Road",
		ward: "Brimington South", category: model.CategoryEnvironmental, theme: "fly-tipping", risk: model.RiskMedium,
		status: model.HotspotActive, sara: model.SARAResponse, lead: "Env Protection", openedWeeksAgo: 20,
		notes: []string{
			"Three large tips this month including builders' waste.",
			"Evidence found in one tip linking it to a local address.",
		},
		resolutions: []string{"that a fixed penalty notice be issued where evidence supports it"},
		plans: []plan{
			{"Clear the alley and search the waste for evidence", "Env Protection", "Mark Ridley", "environmental"},
			{"Consult residents on alley-gating", "Community Safety", "Tom Okafor", "environmental"},
		},
	},
	{
		title: "Hasland: noise from an HMO", location: "Terrace off Mansfield Road",
		ward: "Hasland", category: model.CategoryPersonal, theme: "noise", risk: model.RiskMedium,
		riskReason: "elderly neighbour reports sleep loss and distress", matrix: model.RiskAssessment{Likelihood: 2, Harm: 3, Vulnerable: true}, status: model.HotspotActive, sara: model.SARAAnalysis,
		lead: "Private Sector Hsg", openedWeeksAgo: 10,
		confidential: "Complainant: elderly resident next door (details on the housing case file). Landlord has been uncooperative.",
		notes: []string{
			"Noise diary sheets returned showing parties three nights a week.",
			"Landlord contacted about HMO licence conditions.",
		},
		resolutions: []string{"that mediation be offered before any notice is served"},
		plans: []plan{
			{"Install noise monitoring equipment for two weeks", "Env Protection", "Mark Ridley", "other"},
			{"Check HMO licence conditions and write to the landlord", "Private Sector Hsg", "Zoë Hughes", "warning"},
			{"Offer mediation between the households", "Mediation", "Seán O'Neill", "mediation"},
		},
	},
	{
		title: "Whittington Moor: street drinking by the shops", location: "Sheffield Road shops",
		ward: "Whittington Moor", category: model.CategoryNuisance, theme: "street drinking", risk: model.RiskMedium,
		status: model.HotspotActive, sara: model.SARAResponse, lead: "Licensing", openedWeeksAgo: 16,
		notes: []string{
			"Group of four or five drinking outside the off-licence daily.",
			"Off-licence reminded of its licence conditions on sales to drunk customers.",
		},
		resolutions: []string{"that the off-licence be invited to a licensing review meeting"},
		plans: []plan{
			{"Licensing visit to the off-licence to check conditions", "Licensing", "Dev Patel", "warning"},
			{"Outreach offer to the drinkers via the alcohol service", "Health", "Dr Omar Haddad", "referral"},
			{"Enforcement patrols under the PSPO", "Enforcement/CCTV", "Kevin Price", "pspo"},
		},
	},
	{
		title: "Brockwell: hate incidents targeting a family", location: "Cul-de-sac off Brockwell Lane",
		ward: "Brockwell", category: model.CategoryPersonal, theme: "hate crime", risk: model.RiskHigh,
		riskReason: "hate-related; repeat victimisation; children in the household", matrix: model.RiskAssessment{Likelihood: 3, Harm: 3, Repeat: true, Hate: true}, status: model.HotspotActive, sara: model.SARAResponse,
		lead: "Community Safety", openedWeeksAgo: 6,
		confidential: "Victim family: the Ahmeds (details held by Victim Support). Suspected perpetrator: a neighbour's adult son, known to probation.",
		notes: []string{
			"Racist graffiti on the family's fence and eggs thrown at windows.",
			"Family supported by Victim Support; they want to stay in their home.",
		},
		resolutions: []string{"that the matter be treated as a priority hate case with weekly review"},
		plans: []plan{
			{"Victim support contact within one working day and weekly thereafter", "Victim Support", "Sophie Grant", "referral"},
			{"Install a doorbell camera and target-harden the property", "Community Safety", "Tom Okafor", "environmental"},
			{"Warning letter to the suspected perpetrator", "Housing", "Louise Birch", "warning"},
			{"Check the suspect's licence conditions", "Probation", "Beverley Nunn", "other"},
		},
	},
	{
		title: "Dunston: graffiti at the underpass", location: "Underpass under Dunston Road",
		ward: "Dunston", category: model.CategoryEnvironmental, theme: "graffiti", risk: model.RiskLow,
		status: model.HotspotMonitoring, sara: model.SARAAssessment, lead: "Env Protection", openedWeeksAgo: 26,
		notes:       []string{"Graffiti removed; anti-graffiti coating applied. No new tags in three weeks."},
		resolutions: []string{"that the underpass be kept under monitoring"},
		plans: []plan{
			{"Apply anti-graffiti coating to the underpass walls", "Env Protection", "Sandra Cole", "environmental"},
			{"Mural project with the local school", "Education", "Julie Moss", "diversion"},
		},
	},
	{
		title: "Walton: car meets at the retail park", location: "Retail park car park, Walton Road",
		ward: "Walton", category: model.CategoryNuisance, theme: "vehicle nuisance", risk: model.RiskLow,
		status: model.HotspotActive, sara: model.SARAScanning, lead: "Police", openedWeeksAgo: 4,
		notes: []string{"Car meets on Sunday nights; noise complaints from nearby houses."},
		plans: []plan{
			{"Speak to the retail park management about barriers after hours", "Community Safety", "Tom Okafor", "environmental"},
			{"Patrols on Sunday nights and Section 59 warnings", "Police", "Sgt Jas Patel", "patrols"},
		},
	},
	{
		title: "Boythorpe: begging at the station approach", location: "Station approach and Corporation Street",
		ward: "Brampton East & Boythorpe", category: model.CategoryNuisance, theme: "begging", risk: model.RiskMedium,
		status: model.HotspotActive, sara: model.SARAResponse, lead: "Community Safety", openedWeeksAgo: 14,
		notes:       []string{"Two people begging daily; one is a rough sleeper known to housing options."},
		resolutions: []string{"that support be offered before any enforcement"},
		plans: []plan{
			{"Housing options assessment for the rough sleeper", "Housing", "Neil Armitage", "referral"},
			{"Mental health outreach offer", "Health", "Dr Omar Haddad", "referral"},
		},
	},
	{
		title: "Staveley Central: youth ASB at the bus station", location: "Staveley bus station and Market Street",
		ward: "Staveley Central", category: model.CategoryNuisance, theme: "youths congregating", risk: model.RiskMedium,
		status: model.HotspotNew, sara: model.SARAScanning, lead: "Youth Services", openedWeeksAgo: 2,
		notes: []string{"New referral: bus drivers report stones thrown at buses on school nights."},
		plans: []plan{
			{"Detached youth work on school nights", "Youth Services", "Marcus Bell", "diversion"},
			{"Attendance check with the secondary school", "Education", "Julie Moss", "advice"},
		},
	},
	{
		title: "Whittington: dog fouling on the school route", location: "Footpath between Whittington Green and the school",
		ward: "Whittington", category: model.CategoryEnvironmental, theme: "dog fouling", risk: model.RiskLow,
		status: model.HotspotActive, sara: model.SARAAssessment, lead: "Enforcement/CCTV", openedWeeksAgo: 22,
		notes:       []string{"Signage installed; patrols at school times.", "No complaints for six weeks."},
		resolutions: []string{"that the hotspot be closed"},
		plans: []plan{
			{"Enforcement patrols at school times", "Enforcement/CCTV", "Kevin Price", "patrols"},
		},
		closedReason: "No complaints for six weeks after signage and patrols; agreed to close.",
	},
}
