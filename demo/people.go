package demo

import "github.com/ccsp/tasking/model"

// The demo partnership's agencies: the kinds that sit on a district
// council's weekly ASB tasking group (domain.md). Names are fictional where
// they would otherwise be a real organisation's team.
var agencies = []model.Agency{
	{Name: "CBC Community Safety", ShortName: "Community Safety", Colour: "#2e7d32"},
	{Name: "CBC Housing", ShortName: "Housing", Colour: "#1565c0"},
	{Name: "CBC Environmental Protection", ShortName: "Env Protection", Colour: "#6a8e23"},
	{Name: "CBC Licensing", ShortName: "Licensing", Colour: "#8e24aa"},
	{Name: "CBC Private Sector Housing", ShortName: "Private Sector Hsg", Colour: "#3949ab"},
	{Name: "CBC Enforcement and CCTV", ShortName: "Enforcement/CCTV", Colour: "#00838f"},
	{Name: "Derbyshire Constabulary", ShortName: "Police", Colour: "#0d47a1"},
	{Name: "Derbyshire Fire & Rescue Service", ShortName: "Fire", Colour: "#c62828"},
	{Name: "DCC Children's Services", ShortName: "Children's Services", Colour: "#ef6c00"},
	{Name: "DCC Youth Services", ShortName: "Youth Services", Colour: "#f9a825"},
	{Name: "DCC Adult Social Care", ShortName: "Adult Social Care", Colour: "#6d4c41"},
	{Name: "Probation Service", ShortName: "Probation", Colour: "#546e7a"},
	{Name: "Derbyshire Healthcare (Mental Health)", ShortName: "Health", Colour: "#00897b"},
	{Name: "Education Welfare", ShortName: "Education", Colour: "#5e35b1"},
	{Name: "Northside Mediation", ShortName: "Mediation", Colour: "#7cb342"},
	{Name: "Town Football Community Trust", ShortName: "Football Trust", Colour: "#1e88e5"},
	{Name: "Victim Support", ShortName: "Victim Support", Colour: "#d81b60"},
}

type person struct {
	name, agency, title string
	role                model.Role
}

// The group's members (fictional people).
var people = []person{
	{"Helen Marsh", "Community Safety", "Community Safety Manager", model.RoleChair},
	{"Tom Okafor", "Community Safety", "ASB Coordinator", model.RoleAdmin},
	{"Priya Shah", "Community Safety", "Community Safety Analyst", model.RoleViewer},
	{"Gary Fletcher", "Housing", "Tenancy Enforcement Team Leader", model.RoleMember},
	{"Louise Birch", "Housing", "ASB Housing Officer", model.RoleMember},
	{"Mark Ridley", "Env Protection", "Environmental Protection Officer", model.RoleMember},
	{"Sandra Cole", "Env Protection", "Street Scene Manager", model.RoleMember},
	{"Dev Patel", "Licensing", "Senior Licensing Officer", model.RoleMember},
	{"Zoë Hughes", "Private Sector Hsg", "Private Sector Housing Officer", model.RoleMember},
	{"Kevin Price", "Enforcement/CCTV", "Enforcement Team Leader", model.RoleMember},
	{"Amy Walsh", "Enforcement/CCTV", "CCTV Control Room Supervisor", model.RoleMember},
	{"Sgt Jas Patel", "Police", "Neighbourhood Sergeant, Chesterfield North", model.RoleMember},
	{"Insp Claire Dunn", "Police", "Neighbourhood Inspector", model.RoleMember},
	{"PC Lee Barker", "Police", "Neighbourhood Beat Officer, Staveley", model.RoleMember},
	{"PCSO Nadia Khan", "Police", "PCSO, Town Centre", model.RoleMember},
	{"WM Steve Holt", "Fire", "Watch Manager, Community Safety", model.RoleMember},
	{"Joanne Reid", "Fire", "Arson Reduction Officer", model.RoleMember},
	{"Faye Turner", "Children's Services", "Early Help Team Manager", model.RoleMember},
	{"Marcus Bell", "Youth Services", "Detached Youth Work Lead", model.RoleMember},
	{"Ian Shaw", "Adult Social Care", "Safeguarding Adults Practitioner", model.RoleMember},
	{"Beverley Nunn", "Probation", "Senior Probation Officer", model.RoleMember},
	{"Dr Omar Haddad", "Health", "Mental Health Liaison Lead", model.RoleMember},
	{"Julie Moss", "Education", "Education Welfare Officer", model.RoleMember},
	{"Seán O'Neill", "Mediation", "Mediation Coordinator", model.RoleMember},
	{"Danny Webb", "Football Trust", "Community Programmes Manager", model.RoleMember},
	{"Sophie Grant", "Victim Support", "Victim Services Caseworker", model.RoleMember},
	{"Cllr Pat Dyson", "Community Safety", "Cabinet Member for Health and Wellbeing", model.RoleViewer},
	{"Neil Armitage", "Housing", "Housing Options Manager", model.RoleMember},
}
