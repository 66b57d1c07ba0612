curl --location --globoff '{{apiPath}}/environments/{{envID}}/users/imports' \
  --header 'Authorization: Bearer {{accessToken}}' \
  --header 'Content-Type: text/csv' \
  --data-raw 'username,email,given,family
ada,ada@example.com,Ada,Lovelace
grace,grace@example.com,Grace,"Hopper, RDML"
'
