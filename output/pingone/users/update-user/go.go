package main

import (
	"fmt"
	"strings"
	"net/http"
	"io"
)

func main() {

	url := "{{apiPath}}/environments/{{envID}}/users/{{userID}}"
	method := "PATCH"

	payload := strings.NewReader(`{
  "title": "Analyst",
  "mobilePhone": "+44 20 7946 0000",
  "address": {
    "streetAddress": "12 St James's Square",
    "locality": "London"
  }
}`)

	client := &http.Client {
	}
	req, err := http.NewRequest(method, url, payload)

	if err != nil {
		fmt.Println(err)
		return
	}
	req.Header.Add("Authorization", "Bearer {{accessToken}}")
	req.Header.Add("Content-Type", "application/json")

	res, err := client.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer res.Body.Close()

	body, err := io.ReadAll(res.Body)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(body))
}
