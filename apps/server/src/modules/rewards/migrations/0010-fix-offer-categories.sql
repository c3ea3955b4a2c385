-- Offer categories become a fixed list (issue 11, "A catalogue that sells"), so the app can show them
-- as chips and say them in English and Spanish: food-drink, groceries, shopping, culture-leisure,
-- sport-fitness, transport, services, civic-fees, health-wellbeing, other (@heyblue/contracts/rewards,
-- OfferCategory). Today's free text (stored in lower case) goes to the nearest of them by the words it
-- holds, English or Spanish, the first match winning in this order; what matches nothing is "other".
-- \m and \M are word boundaries, so "bar" is not "barber" and "bus" not "business"; transport comes
-- before sport, which it holds ("tran-sport").
update rewards.offers set category = case
  when category ~ '(\mfees?\M|\mfines?\M|\mtax(es)?\M|permit|licen[cs]e|municipal|civic|council|parking|\mtasas?\M|multa|impuesto|ayuntamiento|aparcamiento)' then 'civic-fees'
  when category ~ '(grocer|supermarket|\mmarket|greengrocer|butcher|supermercado|mercado|alimentaci)' then 'groceries'
  when category ~ '(food|drink|coffee|caf[eé]|restaurant|bakery|bake|bread|pizza|burger|\mbar\M|\mpub|meal|lunch|dinner|breakfast|brunch|snack|\mtea\M|juice|ice cream|dessert|dining|comida|bebida|panader|cafeter)' then 'food-drink'
  when category ~ '(transport|transit|\mbus(es)?\M|metro|subway|\mtrains?\M|\mrail|\mtram|\mbikes?\M|bicycle|scooter|taxi|\mrides?\M|ferry|fuel|petrol|bicicleta|\mtren)' then 'transport'
  when category ~ '(sport|fitness|\mgym|swim|\mpool|yoga|pilates|\mrun|cycling|football|soccer|tennis|climb|deporte|gimnasio|piscina)' then 'sport-fitness'
  when category ~ '(health|well-?being|wellness|pharma|medic|dental|dentist|clinic|\mspa\M|massage|therap|optic|salud|bienestar|farmacia)' then 'health-wellbeing'
  when category ~ '(cultur|museum|cinema|movie|\mfilm|theat|concert|music|\marts?\M|gallery|leisure|entertain|\mparks?\M|garden|\mzoo|ocio|museo|\mcine|teatro)' then 'culture-leisure'
  when category ~ '(shop|store|retail|cloth|fashion|apparel|shoe|\mbooks?|\mtoys?\M|\mgifts?\M|electronic|hardware|florist|flower|tienda|compras|ropa|librer)' then 'shopping'
  when category ~ '(service|repair|clean|laundry|barber|\mhair|salon|beauty|tailor|\mprint|locksmith|servicio|peluquer|reparaci|lavander)' then 'services'
  else 'other'
end;

alter table rewards.offers add constraint offers_category_known check (category in (
  'food-drink', 'groceries', 'shopping', 'culture-leisure', 'sport-fitness', 'transport', 'services', 'civic-fees', 'health-wellbeing', 'other'
));

-- Browsing by category is now a tap on a chip: open offers of a category, newest first.
create index offers_active_by_category on rewards.offers (category, created_at desc, id desc) where status = 'active';
